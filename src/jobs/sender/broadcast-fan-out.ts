/**
 * Fans one broadcast out into broadcast-lane outbox rows, one per recipient, in bulk inserts.
 * Ids are deterministic (`broadcast:<id>:<contactKey>`), so a re-run — after a crash, or by a
 * second instance — inserts only what is missing and nobody gets the broadcast twice.
 */
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";

export interface BroadcastRecipient {
  contactKey: string;
  /** The channel-side address (Telegram chat id). */
  recipient: string;
}

export interface BroadcastFanOut {
  broadcastId: string;
  channel: string;
  payload: unknown;
  /** When the rows become due; the caller has applied quiet hours and silence periods. */
  notBefore: Date;
  now: Date;
  /** Rows per insert. Default 1000. */
  batchSize?: number;
}

export interface FanOutResult {
  inserted: number;
  /** Rows that existed already (an earlier run). */
  existing: number;
}

export const broadcastRowId = (broadcastId: string, contactKey: string): string => `broadcast:${broadcastId}:${contactKey}`;

/** Inserts the rows of `recipients` (any iterable, so callers can stream from a cursor). */
export async function fanOutBroadcast(models: RuntimeModels, fanOut: BroadcastFanOut, recipients: Iterable<BroadcastRecipient> | AsyncIterable<BroadcastRecipient>): Promise<FanOutResult> {
  const batchSize = fanOut.batchSize ?? 1000;
  const result: FanOutResult = { inserted: 0, existing: 0 };
  let batch: OutboxDoc[] = [];
  for await (const r of recipients) {
    batch.push(rowFor(fanOut, r));
    if (batch.length >= batchSize) {
      await insertBatch(models, batch, result);
      batch = [];
    }
  }
  await insertBatch(models, batch, result);
  return result;
}

function rowFor(f: BroadcastFanOut, r: BroadcastRecipient): OutboxDoc {
  return {
    _id: broadcastRowId(f.broadcastId, r.contactKey),
    channel: f.channel,
    contactKey: r.contactKey,
    recipient: r.recipient,
    lane: "broadcast",
    payload: f.payload,
    // Broadcasts are not part of a dialog, so they need no order relative to the contact's session.
    seq: 0,
    state: "queued",
    notBefore: f.notBefore,
    attempts: 0,
    createdAt: f.now,
    sentAt: null,
    leaseOwner: null,
    leaseUntil: null,
    sendingAt: null,
    partsSent: 0,
    providerId: null,
    lastError: null,
  };
}

async function insertBatch(models: RuntimeModels, rows: OutboxDoc[], result: FanOutResult): Promise<void> {
  if (rows.length === 0) return;
  try {
    // The driver's insertMany: rows are complete already, and mongoose's per-document casting is
    // the main cost of a large fan-out.
    const done = await models.outbox.collection.insertMany(rows as never[], { ordered: false });
    result.inserted += done.insertedCount;
  } catch (error) {
    const { writeErrors, insertedCount } = error as { writeErrors?: { code?: number }[] | { code?: number }; insertedCount?: number };
    const errors = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
    if (errors.length === 0 || !errors.every((e) => e.code === 11000)) throw error;
    result.inserted += insertedCount ?? rows.length - errors.length;
    result.existing += errors.length;
  }
}
