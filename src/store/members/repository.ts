/**
 * Member reads and writes, returning plain objects. Uniqueness (state+EPIC, phone, membership
 * number, referral code) is enforced by indexes, so two instances enrolling the same person at
 * once cannot create two records: the loser gets `duplicate`.
 */
import { randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import type { ConsentRecord } from "../../domain/consent/index.js";
import { formatMembershipNumber } from "../../domain/members/index.js";
import { referralCodeFor } from "../../domain/referrals/index.js";
import { memberModels, type MemberDoc, type MemberModels } from "./model.js";
import { districtCredits, type DistrictCredit } from "./credits.js";

/** A member as stored (a plain object). */
export type Member = MemberDoc;

/** What enrolment provides; the repository adds number, referral code, status and timestamps. */
export type NewMember = Omit<MemberDoc, "number" | "sequence" | "status" | "referralCode" | "createdAt" | "updatedAt" | "lastActiveAt" | "erasedAt">;

/** Fields a member (or the update offer) may change. */
export type MemberChanges = Partial<Pick<MemberDoc, "name" | "phone" | "epic" | "age" | "gender" | "address" | "district" | "acNumber" | "partNumber" | "photo" | "sensitive">>;

export type CreateOutcome = { ok: true; member: Member } | { ok: false; reason: "duplicate" };

/** Personal fields removed by erasure; the tombstone keeps only what proves and counts (no person). */
const ERASED_FIELDS = ["name", "phone", "epic", "age", "gender", "address", "district", "acNumber", "partNumber", "photo", "referralCode", "sensitive"] as const;

export interface MemberRepository {
  init(): Promise<void>;
  byId(id: string): Promise<Member | undefined>;
  byContact(contactKey: string): Promise<Member | undefined>;
  byReferralCode(code: string): Promise<Member | undefined>;
  /** What a card's verification says: active, revoked (erased), or undefined when never issued. */
  cardStatus(formattedNumber: string): Promise<"active" | "revoked" | undefined>;
  /** An active member with this EPIC in this state, or this phone. */
  findDuplicate(query: { state: string; epic?: string | null; phone?: string | null }): Promise<Member | undefined>;
  create(member: NewMember, now: Date): Promise<CreateOutcome>;
  /** Applies changes, removes `unset` fields, links `contactKey` and appends `consents`; `duplicate` if a unique field clashes. */
  update(id: string, changes: MemberChanges, extra: { contactKey?: string; consents?: ConsentRecord[]; unset?: (keyof MemberChanges)[] }, now: Date): Promise<CreateOutcome>;
  /** Tombstones the member: personal fields removed, status `erased`. Returns the erased record's photo, if any. */
  erase(id: string, now: Date): Promise<{ erased: boolean; photo?: Member["photo"] }>;
  /** Recruiters of `district` with at least one credit, most first. */
  credits(district: string): Promise<DistrictCredit[]>;
}

/** A fresh opaque member id (it is bound into sealed fields, so callers may need it before `create`). */
export function newMemberId(): string {
  return `m_${randomUUID().replace(/-/g, "")}`;
}

export function createMemberRepository(connection: Connection): MemberRepository {
  const models = memberModels(connection);
  const { members } = models;
  const lean = async (q: Promise<unknown>) => ((await q) as Member | null) ?? undefined;
  return {
    init: async () => void (await Promise.all([members.init(), models.counters.init()])),
    byId: (id) => lean(members.findById(id).lean().exec()),
    byContact: (contactKey) => lean(members.findOne({ contactKeys: contactKey, status: "active" }).lean().exec()),
    byReferralCode: (code) => lean(members.findOne({ referralCode: code, status: "active" }).lean().exec()),
    async cardStatus(formattedNumber) {
      // The tombstone of an erased member keeps its number (not personal data), so the card reads revoked.
      const found = await members.findOne({ number: formattedNumber }, { status: 1 }).lean();
      if (!found) return undefined;
      return found.status === "active" ? "active" : "revoked";
    },
    findDuplicate: ({ state, epic, phone }) => {
      const or: Record<string, unknown>[] = [];
      if (epic) or.push({ state, epic });
      if (phone) or.push({ phone });
      return or.length === 0 ? Promise.resolve(undefined) : lean(members.findOne({ status: "active", $or: or }).lean().exec());
    },
    create: (member, now) => createMember(models, member, now),
    async update(id, changes, extra, now) {
      const update: Record<string, unknown> = { $set: { ...changes, updatedAt: now, lastActiveAt: now } };
      if (extra.contactKey) update["$addToSet"] = { contactKeys: extra.contactKey };
      if (extra.consents?.length) update["$push"] = { consents: { $each: extra.consents } };
      if (extra.unset?.length) update["$unset"] = Object.fromEntries(extra.unset.map((f) => [f, 1]));
      try {
        const after = await members.findOneAndUpdate({ _id: id, status: "active" }, update, { returnDocument: "after" }).lean();
        if (!after) throw new Error(`member ${id} is not active`);
        return { ok: true, member: after as Member };
      } catch (error) {
        if (isDuplicateKey(error)) return { ok: false, reason: "duplicate" };
        throw error;
      }
    },
    async erase(id, now) {
      const before = await members
        .findOneAndUpdate(
          { _id: id, status: "active" },
          { $set: { status: "erased", erasedAt: now, updatedAt: now, contactKeys: [], roles: [] }, $unset: Object.fromEntries(ERASED_FIELDS.map((f) => [f, 1])) },
          { returnDocument: "before" },
        )
        .lean();
      return before ? { erased: true, ...(before.photo ? { photo: before.photo } : {}) } : { erased: false };
    },
    credits: (district) => districtCredits(members, district),
  };
}

async function createMember(models: MemberModels, member: NewMember, now: Date): Promise<CreateOutcome> {
  const counter = await models.counters.findOneAndUpdate({ _id: member.state }, { $inc: { seq: 1 } }, { upsert: true, returnDocument: "after" }).lean();
  const number = formatMembershipNumber(member.state, counter?.seq ?? 1);
  const doc: MemberDoc = {
    ...member,
    number: number.formatted,
    sequence: number.sequence,
    status: "active",
    referralCode: referralCodeFor(number.formatted),
    createdAt: now,
    updatedAt: now,
    lastActiveAt: now,
  };
  try {
    await models.members.create(doc);
    return { ok: true, member: doc };
  } catch (error) {
    // A clash on EPIC or phone: the same person enrolled meanwhile (the number is simply skipped).
    if (isDuplicateKey(error)) return { ok: false, reason: "duplicate" };
    throw error;
  }
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: number }).code === 11000;
}
