/**
 * Outbox row transitions for the sender. Every write is conditional on the row still being ours
 * (`state: leased`, `leaseOwner`), so a row reclaimed by another instance is never double-handled.
 *   queued ──claim──▶ leased ──markSending──▶ (provider call) ──▶ sent | queued (retry) | failed | blocked | ambiguous
 * A lease that expires is reclaimed: never-attempted rows go back to queued; rows caught mid-send
 * may have been delivered, so they become ambiguous (or are requeued when the channel resends).
 */
import type { RuntimeModels } from "../../store/models/runtime-models.js";
import type { RowDecision } from "./outcome.js";

export { claimRows, LANES, type ClaimInput } from "./claim-rows.js";
export { outboxCounts, outboxCountsByChannel, OUTBOX_STATES, type OutboxCounts } from "./outbox-counts.js";

/** Marks rows as in flight just before their provider calls; returns the ids that are still ours. */
export async function markSendingMany(models: RuntimeModels, ids: string[], owner: string, now: Date, leaseMs: number): Promise<Set<string>> {
  const mine = { _id: { $in: ids }, state: "leased" as const, leaseOwner: owner };
  const result = await models.outbox.updateMany(mine, { $set: { sendingAt: now, leaseUntil: new Date(now.getTime() + leaseMs) } });
  if (result.modifiedCount === ids.length) return new Set(ids);
  const marked = await models.outbox.find({ ...mine, sendingAt: now }, { _id: 1 }).lean();
  return new Set(marked.map((r) => String(r._id)));
}

/** Marks one row as in flight (a later part of a split message). False when it is no longer ours. */
export async function markSending(models: RuntimeModels, id: string, owner: string, now: Date, leaseMs: number): Promise<boolean> {
  const result = await models.outbox.updateOne(
    { _id: id, state: "leased", leaseOwner: owner },
    { $set: { sendingAt: now, leaseUntil: new Date(now.getTime() + leaseMs) } },
  );
  return result.modifiedCount === 1;
}

export async function recordPartSent(models: RuntimeModels, id: string, owner: string, partsSent: number): Promise<void> {
  await models.outbox.updateOne({ _id: id, state: "leased", leaseOwner: owner }, { $set: { partsSent } });
}

export interface SentResult {
  id: string;
  providerId: string;
  partsSent: number;
  at: Date;
}

/** Records delivered rows in one round trip. */
export async function recordSentMany(models: RuntimeModels, owner: string, results: SentResult[]): Promise<void> {
  if (results.length === 0) return;
  await models.outbox.bulkWrite(
    results.map((r) => ({
      updateOne: {
        filter: { _id: r.id, state: "leased" as const, leaseOwner: owner },
        update: { $set: { state: "sent" as const, sentAt: r.at, providerId: r.providerId, partsSent: r.partsSent, ...released() } },
      },
    })),
    { ordered: false },
  );
}

export async function recordDecision(models: RuntimeModels, id: string, owner: string, decision: RowDecision, partsSent: number): Promise<void> {
  const { state, attempts, lastError } = decision;
  const notBefore = decision.state === "queued" ? { notBefore: decision.notBefore } : {};
  await models.outbox.updateOne(
    { _id: id, state: "leased", leaseOwner: owner },
    { $set: { state, attempts, lastError, partsSent, ...notBefore, ...released() } },
  );
}

/** Marks rows terminal without sending (their contact is flagged blocked). */
export async function recordBlockedWithoutSending(models: RuntimeModels, ids: string[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await models.outbox.updateMany(
    { _id: { $in: ids }, state: "leased", leaseOwner: owner },
    { $set: { state: "blocked", lastError: "contact is blocked", ...released() } },
  );
}

/** Gives back rows held in memory but never attempted (on shutdown or after losing the channel lease). */
export async function releaseUnsent(models: RuntimeModels, ids: string[], owner: string): Promise<void> {
  if (ids.length === 0) return;
  await models.outbox.updateMany({ _id: { $in: ids }, state: "leased", leaseOwner: owner, sendingAt: null }, { $set: { state: "queued", ...released() } });
}

/** Reclaims other owners' expired leases (crashed or stalled senders). Returns how many were in flight. */
export async function reclaimExpired(models: RuntimeModels, channel: string, owner: string, now: Date, resendAmbiguous: boolean): Promise<{ requeued: number; inFlight: number }> {
  const expired = { channel, state: "leased" as const, leaseUntil: { $lt: now }, leaseOwner: { $ne: owner } };
  const never = await models.outbox.updateMany({ ...expired, sendingAt: null }, { $set: { state: "queued", ...released() } });
  const inFlight = await models.outbox.updateMany(
    { ...expired, sendingAt: { $ne: null } },
    resendAmbiguous
      ? { $set: { state: "queued", notBefore: now, lastError: "ambiguous: lease expired mid-send, resending", ...released() } }
      : { $set: { state: "ambiguous", lastError: "ambiguous: lease expired mid-send", ...released() } },
  );
  return { requeued: never.modifiedCount, inFlight: inFlight.modifiedCount };
}

/** Gives held rows back until `until` without attempting them (outreach caught by quiet hours). */
export async function deferHeld(models: RuntimeModels, ids: string[], owner: string, until: Date): Promise<void> {
  if (ids.length === 0) return;
  await models.outbox.updateMany({ _id: { $in: ids }, state: "leased", leaseOwner: owner, sendingAt: null }, { $set: { state: "queued", notBefore: until, ...released() } });
}

function released() {
  return { leaseOwner: null, leaseUntil: null, sendingAt: null };
}
