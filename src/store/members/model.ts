/**
 * The `members` collection and its counters. One document per member; erasure turns it into a
 * tombstone (status `erased`, personal fields removed), so unique indexes on personal fields are
 * partial: they cover only documents that still hold the field.
 */
import { Schema, type Connection } from "mongoose";
import type { ConsentRecord } from "../../domain/consent/index.js";

export type MemberStatus = "active" | "erased";

/** A role with the area it applies to (`{ role: "enroller", scope: { level: "ac", id: "UP:170" } }`). */
export interface RoleGrant {
  role: string;
  scope?: { level: "booth" | "block" | "ac" | "district" | "state"; id: string };
}

export interface MemberDoc {
  _id: string;
  /** Display membership number, e.g. `UP-0000001-K`; kept on the tombstone so it is never reused. */
  number: string;
  sequence: number;
  status: MemberStatus;
  name?: string;
  /** E.164, e.g. `+919876543210`. */
  phone?: string;
  epic?: string;
  age?: number;
  gender?: string;
  address?: string;
  /** Geography refs: state code, district code, AC number, booth part number. */
  state: string;
  district?: string;
  acNumber?: number;
  partNumber?: number;
  /** The member's photo: a small JPEG in GridFS (`member_photos`, src/store/members/photos.ts). */
  photo?: { fileId: string; storedAt: Date };
  referralCode?: string;
  referredBy?: string;
  /** Enroller (member id) who enrolled this person in the assisted flow. */
  enrolledBy?: string;
  /** Who is credited with bringing this member in (the enroller, else the referrer), and their district. */
  creditedTo?: string;
  creditDistrict?: string;
  roles: RoleGrant[];
  /** Channel identities (`telegram:123`, `web:asha`) that speak for this member. */
  contactKeys: string[];
  consents: ConsentRecord[];
  /** AES-256-GCM sealed values (`v1.<keyId>...`), bound to this member id and field. */
  sensitive?: { religion?: string; caste?: string };
  createdAt: Date;
  updatedAt: Date;
  lastActiveAt: Date;
  erasedAt?: Date;
}

const opts = { versionKey: false, minimize: true, id: false } as const;
const onlyStrings = (field: string) => ({ partialFilterExpression: { [field]: { $type: "string" } } });

function memberSchema(): Schema<MemberDoc> {
  const consent = new Schema<ConsentRecord>(
    { purpose: String, noticeVersion: String, language: String, at: Date, channel: String, method: String, enrollerId: String },
    { _id: false },
  );
  const schema = new Schema<MemberDoc>(
    {
      _id: String,
      number: { type: String, required: true },
      sequence: { type: Number, required: true },
      status: { type: String, required: true },
      name: String,
      phone: String,
      epic: String,
      age: Number,
      gender: String,
      address: String,
      state: { type: String, required: true },
      district: String,
      acNumber: Number,
      partNumber: Number,
      photo: { type: { _id: false, fileId: String, storedAt: Date }, default: undefined },
      referralCode: String,
      referredBy: String,
      enrolledBy: String,
      creditedTo: String,
      creditDistrict: String,
      roles: { type: [{ _id: false, role: String, scope: { type: { _id: false, level: String, id: String }, default: undefined } }], default: [] },
      contactKeys: { type: [String], default: [] },
      consents: { type: [consent], default: [] },
      sensitive: { type: { _id: false, religion: String, caste: String }, default: undefined },
      createdAt: { type: Date, required: true },
      updatedAt: { type: Date, required: true },
      lastActiveAt: { type: Date, required: true },
      erasedAt: Date,
    },
    { ...opts, collection: "members" },
  );
  schema.index({ number: 1 }, { unique: true });
  // Voter ids are issued per state: the same EPIC in two states is two records, never one global key.
  schema.index({ state: 1, epic: 1 }, { unique: true, ...onlyStrings("epic") });
  schema.index({ phone: 1 }, { unique: true, ...onlyStrings("phone") });
  schema.index({ referralCode: 1 }, { unique: true, ...onlyStrings("referralCode") });
  schema.index({ contactKeys: 1 });
  schema.index({ creditDistrict: 1, creditedTo: 1 });
  // Admin search and export within an area, in enrolment order (src/store/members/admin-queries.ts).
  schema.index({ state: 1, acNumber: 1, partNumber: 1, sequence: 1 });
  schema.index({ state: 1, district: 1, sequence: 1 });
  schema.index({ state: 1, sequence: 1 });
  return schema;
}

/** Per-state sequences of membership numbers. */
export interface CounterDoc {
  _id: string;
  seq: number;
}

const createModels = (connection: Connection) => ({
  members: connection.model("Member", memberSchema()),
  counters: connection.model("MemberCounter", new Schema<CounterDoc>({ _id: String, seq: Number }, { ...opts, collection: "member_counters" })),
});

export type MemberModels = ReturnType<typeof createModels>;

/** The models on `connection`, created once per connection; `init()` them before the first write. */
export function memberModels(connection: Connection): MemberModels {
  const existing = connection.models["Member"];
  if (existing) return { members: existing, counters: connection.models["MemberCounter"] } as unknown as MemberModels;
  return createModels(connection);
}
