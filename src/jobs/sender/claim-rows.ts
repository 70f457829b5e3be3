/**
 * Claiming due outbox rows for one sender: lanes in priority order, oldest first within a lane,
 * one find + one update per lane (a re-read only when another instance raced us), and the
 * outreach limits that quiet hours and the daily cap impose.
 */
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import { isOutreach, OUTREACH_LANES, type Lane } from "./gates.js";

/** Priority order: answers to what a person just said first, mass sends last. */
export const LANES: Lane[] = ["reply", "dialog", "broadcast"];

export interface ClaimInput {
  channel: string;
  owner: string;
  now: Date;
  leaseMs: number;
  limit: number;
  /** Dialog + broadcast rows to claim at most (0 in quiet hours or past the daily cap). Default: no limit. */
  outreachLimit?: number;
}

/** Leases up to `limit` due rows. */
export async function claimRows(models: RuntimeModels, input: ClaimInput): Promise<OutboxDoc[]> {
  const claimed: OutboxDoc[] = [];
  const lease = { state: "leased" as const, leaseOwner: input.owner, leaseUntil: new Date(input.now.getTime() + input.leaseMs), sendingAt: null };
  let outreach = input.outreachLimit ?? Infinity;
  for (const lane of LANES) {
    const room = Math.min(input.limit - claimed.length, isOutreach(lane) ? outreach : Infinity);
    if (room <= 0) continue;
    const due = { channel: input.channel, lane, state: "queued" as const, notBefore: { $lte: input.now } };
    const rows = await models.outbox.find(due).sort({ notBefore: 1, seq: 1 }).limit(room).lean<OutboxDoc[]>();
    if (rows.length === 0) continue;
    const ids = rows.map((r) => r._id);
    const result = await models.outbox.updateMany({ _id: { $in: ids }, state: "queued" }, { $set: lease });
    // All still queued (the usual case): they are ours. Otherwise another instance took some
    // between find and update, so re-read which ones we got.
    const mine =
      result.modifiedCount === ids.length
        ? rows.map((r) => ({ ...r, ...lease }))
        : await models.outbox.find({ _id: { $in: ids }, state: "leased", leaseOwner: input.owner }).sort({ notBefore: 1, seq: 1 }).lean<OutboxDoc[]>();
    claimed.push(...mine);
    if (isOutreach(lane)) outreach -= mine.length;
  }
  return claimed;
}

/** Outreach rows recorded as sent since `since` (the daily cap's count, shared by every instance). */
export async function outreachSentSince(models: RuntimeModels, channel: string, since: Date): Promise<number> {
  return models.outbox.countDocuments({ channel, state: "sent", lane: { $in: [...OUTREACH_LANES] }, sentAt: { $gte: since } });
}

/** Moves outreach rows that fell due in quiet hours to `until`, so they show when they will go. */
export async function deferDueOutreach(models: RuntimeModels, channel: string, now: Date, until: Date): Promise<number> {
  const due = { channel, lane: { $in: [...OUTREACH_LANES] }, state: "queued" as const, notBefore: { $lte: now } };
  return (await models.outbox.updateMany(due, { $set: { notBefore: until } })).modifiedCount;
}
