/**
 * `member_proofs`: proof that the person in a conversation controls an existing membership, before
 * the duplicate offer may update it. A proof is either granted at once (the channel vouches for
 * the member's phone, or the chat is already linked to the membership) or earned by typing a
 * one-time code sent to the membership's registered chats. Codes are kept only as keyed hashes;
 * documents delete themselves (TTL) an hour after they are made.
 */
import { Schema, type Connection } from "mongoose";

export type ProofMethod = "phone" | "linked" | "code";

/** How long a code may be typed. */
export const CODE_VALID_MS = 10 * 60_000;
/** Tries at one code, right or wrong. */
export const CODE_ATTEMPTS = 3;
/** How long a verified proof allows its one update (the rest of the enrolment conversation). */
export const PROOF_VALID_MS = 60 * 60_000;
/** Codes sent for one membership within `KEEP_MS`, at most: no one may flood a member's chat. */
export const CODES_PER_MEMBER = 3;
/** How long a document is kept at all (the window of the per-member limit). */
const KEEP_MS = 60 * 60_000;

export interface ProofDoc {
  _id: string;
  /** The conversation that asked: the person, or the enroller assisting them. */
  contactKey: string;
  memberId: string;
  /** Who asked, for the audit log: `self`, or the assisting enroller's member id. */
  actor: string;
  method: ProofMethod;
  /** Keyed hash of the code (`src/crypto/proof-code.ts`); codes only. */
  codeHash?: string;
  /** Tries taken so far (codes only). */
  attempts: number;
  /** Until when the code may be typed (codes only). */
  codeUntil?: Date | null;
  verifiedAt?: Date | null;
  /** Until when the verified proof allows one update. */
  validUntil?: Date | null;
  /** Key of the update run that used the proof; a re-run of that same update finds it again. */
  usedBy?: string | null;
  createdAt: Date;
  /** TTL: the document is deleted after this. */
  expiresAt: Date;
}

export interface ProofStore {
  init(): Promise<void>;
  /** A proof that needs no code, verified at once. Idempotent by id. */
  grant(proof: { id: string; contactKey: string; memberId: string; method: "phone" | "linked"; actor: string }, now: Date): Promise<void>;
  /** A code challenge (closing the contact's older open ones). Idempotent by id. */
  challenge(proof: { id: string; contactKey: string; memberId: string; codeHash: string; actor: string }, now: Date): Promise<void>;
  /** Code challenges made for `memberId` since `since`, other than `except` (a re-run counts itself once). */
  challengesSince(memberId: string, since: Date, except?: string): Promise<number>;
  /** Takes one try at the contact's newest open challenge; undefined when none is open (expired, used up). */
  takeAttempt(contactKey: string, now: Date): Promise<ProofDoc | undefined>;
  verify(id: string, now: Date): Promise<void>;
  /** Uses the contact's verified proof for `memberId`, once; undefined when there is none. */
  use(contactKey: string, memberId: string, useKey: string, now: Date): Promise<ProofDoc | undefined>;
}

const createModel = (connection: Connection) => {
  const schema = new Schema<ProofDoc>(
    {
      _id: String,
      contactKey: { type: String, required: true },
      memberId: { type: String, required: true },
      actor: { type: String, required: true },
      method: { type: String, required: true },
      codeHash: String,
      attempts: { type: Number, default: 0 },
      codeUntil: { type: Date, default: null },
      verifiedAt: { type: Date, default: null },
      validUntil: { type: Date, default: null },
      usedBy: { type: String, default: null },
      createdAt: { type: Date, required: true },
      expiresAt: { type: Date, required: true },
    },
    { versionKey: false, id: false, collection: "member_proofs" },
  );
  schema.index({ contactKey: 1, createdAt: -1 });
  schema.index({ memberId: 1, createdAt: -1 });
  schema.index({ expiresAt: 1 }, { expireAfterSeconds: 0 });
  return connection.model("MemberProof", schema);
};

type ProofModel = ReturnType<typeof createModel>;

export function createProofStore(connection: Connection): ProofStore {
  const model = (connection.models["MemberProof"] as ProofModel | undefined) ?? createModel(connection);
  const later = (now: Date, ms: number) => new Date(now.getTime() + ms);
  const insertOnce = async (doc: ProofDoc) => {
    await model.updateOne({ _id: doc._id }, { $setOnInsert: doc }, { upsert: true });
  };
  return {
    init: async () => void (await model.init()),
    grant: ({ id, contactKey, memberId, method, actor }, now) =>
      insertOnce({ _id: id, contactKey, memberId, actor, method, attempts: 0, verifiedAt: now, validUntil: later(now, PROOF_VALID_MS), usedBy: null, createdAt: now, expiresAt: later(now, KEEP_MS) }),
    async challenge({ id, contactKey, memberId, codeHash, actor }, now) {
      await model.updateMany({ contactKey, method: "code", verifiedAt: null, codeUntil: { $gt: now }, _id: { $ne: id } }, { $set: { codeUntil: now } });
      await insertOnce({ _id: id, contactKey, memberId, actor, method: "code", codeHash, attempts: 0, codeUntil: later(now, CODE_VALID_MS), verifiedAt: null, validUntil: null, usedBy: null, createdAt: now, expiresAt: later(now, KEEP_MS) });
    },
    challengesSince: (memberId, since, except) =>
      model.countDocuments({ memberId, method: "code", createdAt: { $gte: since }, ...(except ? { _id: { $ne: except } } : {}) }),
    async takeAttempt(contactKey, now) {
      const open = { contactKey, method: "code" as const, verifiedAt: null, codeUntil: { $gt: now }, attempts: { $lt: CODE_ATTEMPTS } };
      const doc = await model.findOneAndUpdate(open, { $inc: { attempts: 1 } }, { sort: { createdAt: -1 }, returnDocument: "after" }).lean();
      return (doc as ProofDoc | null) ?? undefined;
    },
    async verify(id, now) {
      const validUntil = later(now, PROOF_VALID_MS);
      await model.updateOne({ _id: id, verifiedAt: null }, { $set: { verifiedAt: now, validUntil, codeUntil: now, expiresAt: validUntil } });
    },
    async use(contactKey, memberId, useKey, now) {
      const usable = { contactKey, memberId, verifiedAt: { $ne: null }, validUntil: { $gt: now }, $or: [{ usedBy: null }, { usedBy: useKey }] };
      const doc = await model.findOneAndUpdate(usable, { $set: { usedBy: useKey } }, { sort: { createdAt: -1 }, returnDocument: "after" }).lean();
      return (doc as ProofDoc | null) ?? undefined;
    },
  };
}
