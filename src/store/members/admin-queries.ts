/**
 * The member queries of the admin API, and its request log (`admin_audit_log`). Queries take
 * constraints already narrowed to the caller's area (`src/domain/access`); this file only turns
 * them into MongoDB filters. Tombstones (erased members) are never listed.
 */
import { randomUUID } from "node:crypto";
import { Schema, type Connection } from "mongoose";
import type { Place } from "../../domain/access/index.js";
import { geoUnitModel } from "../geo/model.js";
import { memberModels, type MemberDoc, type RoleGrant } from "./model.js";

export interface MemberFilter {
  place: Partial<Place>;
  /** Start of any word of the name, any case. */
  namePrefix?: string | undefined;
  /** Display membership number (`UP-0000001-W`). */
  number?: string | undefined;
}

/** What listings need; never the sealed fields, consents, photo or contact links. */
export type ListedMember = Pick<MemberDoc, "_id" | "number" | "name" | "phone" | "epic" | "age" | "gender" | "address" | "state" | "district" | "acNumber" | "partNumber" | "roles" | "createdAt" | "lastActiveAt"> & {
  sensitive?: MemberDoc["sensitive"];
};

const LISTED = { number: 1, name: 1, phone: 1, epic: 1, age: 1, gender: 1, address: 1, state: 1, district: 1, acNumber: 1, partNumber: 1, roles: 1, createdAt: 1, lastActiveAt: 1 } as const;

/** One admin-API request: who, what, with which kind of filter, how many records — no personal values. */
export interface AdminAuditDoc {
  _id: string;
  at: Date;
  /** Token name of the caller. */
  actor: string;
  role: string;
  action: "members.search" | "members.export" | "members.roles";
  outcome: "ok" | "invalid" | "forbidden" | "outside_scope" | "not_found" | "conflict";
  /** The area the query covered (geography key, e.g. `UP:AC:170`) — geography is not personal. */
  area?: string | undefined;
  /** Which criteria were used (`name`, `number`, `sensitive`), never their values. */
  criteria: string[];
  /** Records returned or exported. */
  count?: number | undefined;
  /** Role changes: the member's opaque id, the role and the area of the grant. */
  memberId?: string | undefined;
  change?: { op: string; role: string; scope: string } | undefined;
}

const createAuditModel = (connection: Connection) =>
  connection.model(
    "AdminAuditEntry",
    new Schema<AdminAuditDoc>(
      {
        _id: String,
        at: { type: Date, required: true },
        actor: { type: String, required: true },
        role: String,
        action: { type: String, required: true },
        outcome: { type: String, required: true },
        area: String,
        criteria: { type: [String], default: [] },
        count: Number,
        memberId: String,
        change: { type: { _id: false, op: String, role: String, scope: String }, default: undefined },
      },
      { versionKey: false, id: false, collection: "admin_audit_log" },
    ).index({ at: 1 }),
  );
type AuditModel = ReturnType<typeof createAuditModel>;

export interface AdminQueries {
  search(filter: MemberFilter, page: { skip: number; limit: number }): Promise<{ members: ListedMember[]; total: number }>;
  /** Every matching member, in membership order, read in batches (for CSV export). */
  stream(filter: MemberFilter, withSensitive: boolean): AsyncIterable<ListedMember>;
  /** An active member. */
  member(id: string): Promise<MemberDoc | undefined>;
  /** District codes of ACs (`UP:AC:170` → `LKO`), from the geography. */
  districtsOf(acIds: string[]): Promise<Map<string, string>>;
  /**
   * Replaces a member's roles if nobody changed the record since `seenAt` (else undefined), and
   * mirrors the role names onto the member's chat contacts, where flow guards read them.
   */
  setRoles(id: string, seenAt: Date, roles: RoleGrant[], now: Date): Promise<MemberDoc | undefined>;
  record(entry: Omit<AdminAuditDoc, "_id">): Promise<void>;
  /** The newest entries first. */
  entries(limit?: number): Promise<AdminAuditDoc[]>;
}

export function createAdminQueries(connection: Connection): AdminQueries {
  const { members } = memberModels(connection);
  const geo = geoUnitModel(connection);
  const audit = (connection.models["AdminAuditEntry"] as AuditModel | undefined) ?? createAuditModel(connection);
  const contacts = connection.collection<{ _id: string; roles?: string[] }>("contacts");
  return {
    async search(filter, page) {
      const query = memberQuery(filter);
      const [found, total] = await Promise.all([
        members.find(query, LISTED).sort({ state: 1, sequence: 1 }).skip(page.skip).limit(page.limit).lean(),
        members.countDocuments(query),
      ]);
      return { members: found as ListedMember[], total };
    },
    async *stream(filter, withSensitive) {
      const projection = withSensitive ? { ...LISTED, sensitive: 1 } : LISTED;
      const cursor = members.find(memberQuery(filter), projection).sort({ state: 1, sequence: 1 }).lean().cursor({ batchSize: 500 });
      for await (const doc of cursor) yield doc as ListedMember;
    },
    member: async (id) => ((await members.findOne({ _id: id, status: "active" }).lean()) as MemberDoc | null) ?? undefined,
    async districtsOf(acIds) {
      const units = await geo.find({ _id: { $in: acIds }, kind: "ac" }, { district: 1 }).lean();
      return new Map(units.flatMap((u) => (u.district ? [[u._id, u.district] as const] : [])));
    },
    async setRoles(id, seenAt, roles, now) {
      const after = (await members
        .findOneAndUpdate({ _id: id, status: "active", updatedAt: seenAt }, { $set: { roles, updatedAt: now } }, { returnDocument: "after" })
        .lean()) as MemberDoc | null;
      if (!after) return undefined;
      // The runtime puts a contact's roles into the session; without this a new enroller could not start the assisted flow.
      const names = [...new Set(roles.map((r) => r.role).filter((r) => MIRRORED.has(r)))];
      for (const key of after.contactKeys) {
        const contact = await contacts.findOne({ _id: key }, { projection: { roles: 1 } });
        if (!contact) continue;
        const kept = (contact.roles ?? []).filter((r) => !MIRRORED.has(r) || names.includes(r));
        await contacts.updateOne({ _id: key }, { $set: { roles: [...new Set([...kept, ...names])] } });
      }
      return after;
    },
    record: async (entry) => void (await audit.create({ _id: randomUUID(), ...entry })),
    entries: async (limit = 100) => (await audit.find({}).sort({ at: -1 }).limit(limit).lean()) as AdminAuditDoc[],
  };
}

/** Role names whose source is the member record; any other role on a contact is left as it is. */
const MIRRORED = new Set(["enroller", "chief_enroller", "trainer", "coordinator", "admin"]);

function memberQuery(filter: MemberFilter): Record<string, unknown> {
  const query: Record<string, unknown> = { status: "active" };
  for (const [field, value] of Object.entries(filter.place)) if (value !== undefined) query[field] = value;
  if (filter.number) query["number"] = filter.number;
  if (filter.namePrefix) query["name"] = { $regex: `(^|\\s)${escapeRegex(filter.namePrefix.normalize("NFC"))}`, $options: "i" };
  return query;
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
