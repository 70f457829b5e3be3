/**
 * Claiming due outbox rows for one sender: lanes in priority order, oldest first within a lane,
 * and the outreach limits that quiet hours and the daily cap impose. Usually fewer rows are due
 * than a claim takes, and one read finds them all; only a backlog (the read comes back full) is
 * read lane by lane, so mass sends cannot crowd out replies. The rows are then taken with one
 * update (a re-read only when another instance raced us). A claim is most of the delay between
 * a commit and its send, and every sender claims every half second, so its reads are few.
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
  /** Which of these contacts are flagged blocked; asked beside the claiming update, not after it. */
  blockedAmong?(contactKeys: string[]): Promise<Set<string>>;
}

export interface Claimed {
  rows: OutboxDoc[];
  /** Contacts of `rows` flagged blocked (empty without `blockedAmong`). */
  blocked: Set<string>;
}

/** Leases up to `limit` due rows. */
export async function claimRows(models: RuntimeModels, input: ClaimInput): Promise<Claimed> {
  const lease = { state: "leased" as const, leaseOwner: input.owner, leaseUntil: new Date(input.now.getTime() + input.leaseMs), sendingAt: null };
  const outreachLimit = input.outreachLimit ?? Infinity;
  const rows = takeInPriority(await dueByLane(models, input, outreachLimit), input.limit, outreachLimit);
  if (rows.length === 0) return { rows: [], blocked: new Set() };
  const ids = rows.map((r) => r._id);
  const [result, blocked] = await Promise.all([
    models.outbox.updateMany({ _id: { $in: ids }, state: "queued" }, { $set: lease }),
    input.blockedAmong ? input.blockedAmong([...new Set(rows.map((r) => r.contactKey))]) : new Set<string>(),
  ]);
  // All still queued (the usual case): they are ours. Otherwise another instance took some
  // between find and update, so re-read which ones we got.
  if (result.modifiedCount === ids.length) return { rows: rows.map((r) => ({ ...r, ...lease })), blocked };
  const mine = new Set((await models.outbox.find({ _id: { $in: ids }, state: "leased", leaseOwner: input.owner }, { _id: 1 }).lean()).map((r) => String(r._id)));
  return { rows: rows.filter((r) => mine.has(r._id)).map((r) => ({ ...r, ...lease })), blocked };
}

/** Due rows of each lane, in `LANES` order, oldest first. */
async function dueByLane(models: RuntimeModels, input: ClaimInput, outreachLimit: number): Promise<OutboxDoc[][]> {
  const due = { channel: input.channel, state: "queued" as const, notBefore: { $lte: input.now } };
  const sorted = { notBefore: 1, seq: 1 } as const;
  const all = await models.outbox.find(due).sort(sorted).limit(input.limit).lean<OutboxDoc[]>();
  const ofLane = (lane: Lane) => all.filter((r) => r.lane === lane);
  if (all.length < input.limit) return LANES.map(ofLane);
  // A backlog: the read holds the oldest rows of the last lane, but maybe not the rows of the
  // lanes before it that come first; those are read on their own.
  const last = LANES[LANES.length - 1] as Lane;
  const earlier = LANES.slice(0, -1).map((lane) => {
    const room = Math.min(input.limit, isOutreach(lane) ? outreachLimit : Infinity);
    return room > 0 ? models.outbox.find({ ...due, lane }).sort(sorted).limit(room).lean<OutboxDoc[]>() : [];
  });
  return [...(await Promise.all(earlier)), ofLane(last)];
}

/** The rows of each lane (in `LANES` order) that fit: `limit` in all, `outreachLimit` of outreach. */
function takeInPriority(found: OutboxDoc[][], limit: number, outreachLimit: number): OutboxDoc[] {
  const taken: OutboxDoc[] = [];
  let outreach = outreachLimit;
  for (const [i, lane] of LANES.entries()) {
    const room = Math.min(limit - taken.length, isOutreach(lane) ? outreach : Infinity);
    const rows = room > 0 ? (found[i] ?? []).slice(0, room) : [];
    taken.push(...rows);
    if (isOutreach(lane)) outreach -= rows.length;
  }
  return taken;
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
