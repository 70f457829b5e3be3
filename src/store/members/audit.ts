/**
 * The `audit_log` collection: who did what to which member record, and when — WITHOUT personal
 * data. Entries name fields, never their values, and refer to members by their opaque id, so the
 * log survives erasure without undoing it.
 */
import { randomUUID } from "node:crypto";
import { Schema, type Connection } from "mongoose";

export const AUDIT_ACTIONS = [
  "member.enrolled",
  "member.updated",
  "member.corrected",
  "member.revealed",
  "member.erased",
  // Proof of control before the duplicate offer may update a membership (src/actions/members-proof.ts).
  "member.proof_requested",
  "member.proof_verified",
  "member.proof_failed",
  "member.update_refused",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditDoc {
  _id: string;
  at: Date;
  action: AuditAction;
  memberId: string;
  /** `self`, or the acting member's id (an enroller or coordinator). */
  actor: string;
  /** Names of the fields involved (e.g. `["name"]`), never their values. */
  fields: string[];
  /** How, in one word and never a value: `phone`, `linked`, `code`, `unreachable`, `attempts`, `not_proven`… */
  detail?: string;
}

const createAuditModel = (connection: Connection) =>
  connection.model(
    "AuditEntry",
    new Schema<AuditDoc>(
      { _id: String, at: { type: Date, required: true }, action: { type: String, required: true }, memberId: String, actor: String, fields: [String], detail: String },
      { versionKey: false, id: false, collection: "audit_log" },
    ).index({ memberId: 1, at: 1 }),
  );

export type AuditModel = ReturnType<typeof createAuditModel>;

export interface AuditLog {
  record(entry: Omit<AuditDoc, "_id" | "at">, at: Date): Promise<void>;
  forMember(memberId: string): Promise<AuditDoc[]>;
}

export function createAuditLog(connection: Connection): AuditLog {
  const model = (connection.models["AuditEntry"] as AuditModel | undefined) ?? createAuditModel(connection);
  return {
    async record(entry, at) {
      await model.create({ _id: randomUUID(), at, ...entry });
    },
    forMember: async (memberId) => (await model.find({ memberId }).sort({ at: 1 }).lean()) as AuditDoc[],
  };
}
