/**
 * Commit before acting. A session's new state and the effects it produced are written in ONE
 * document update (MongoDB makes single-document writes atomic), guarded by the session version.
 * The effects are then applied to their own collections (outbox, timers, contacts) idempotently,
 * by deterministic ids, and cleared. A crash between the two steps leaves `pendingEffects` that the
 * next event or the recovery job applies. A computation that lost a version race writes nothing,
 * so no stale reply can reach the outbox.
 */
import type { Effect, Session } from "../engine/types.js";
import type { OutboxDoc, RuntimeModels, SessionDoc } from "../store/models/runtime-models.js";
import { assertNever } from "../util/assert-never.js";
import { parseContactKey } from "./contact-key.js";

/** How many processed event ids a session remembers to make reprocessing a no-op. */
const RECENT_EVENTS_KEPT = 50;

export interface CommitInput {
  contactKey: string;
  /** The version the state was computed from; null when there was no session yet. */
  expectedVersion: number | null;
  state: Session;
  effects: Effect[];
  eventKey: string;
  lane: OutboxDoc["lane"];
  now: Date;
}

export type CommitOutcome = { status: "committed"; doc: SessionDoc } | { status: "conflict" };

export async function commitSession(models: RuntimeModels, input: CommitInput): Promise<CommitOutcome> {
  const version = (input.expectedVersion ?? 0) + 1;
  const pendingEffects = input.effects.map((effect) => ({ effect, lane: input.lane }));
  const fields = { state: input.state, version, pendingEffects, hasPending: pendingEffects.length > 0, updatedAt: input.now };
  if (input.expectedVersion === null) {
    try {
      const created = await models.sessions.create({ _id: input.contactKey, ...fields, recentEventIds: [input.eventKey] });
      return { status: "committed", doc: created.toObject() };
    } catch (error) {
      if ((error as { code?: number }).code === 11000) return { status: "conflict" };
      throw error;
    }
  }
  const updated = await models.sessions
    .findOneAndUpdate(
      { _id: input.contactKey, version: input.expectedVersion },
      { $set: fields, $push: { recentEventIds: { $each: [input.eventKey], $slice: -RECENT_EVENTS_KEPT } } },
      { returnDocument: "after" },
    )
    .lean();
  return updated ? { status: "committed", doc: updated as SessionDoc } : { status: "conflict" };
}

interface PendingEffect {
  effect: Effect;
  lane: OutboxDoc["lane"];
}

/** Applies a committed session's pending effects (idempotent), then clears them if unchanged since. */
export async function applyPendingEffects(models: RuntimeModels, doc: SessionDoc, now: Date): Promise<void> {
  const pending = doc.pendingEffects as PendingEffect[];
  const messages = pending.flatMap((item, position) => (item.effect.type === "send_message" ? [outboxRow(doc, item.effect, item.lane, position, now)] : []));
  await insertIgnoringDuplicates(models, messages);
  for (const item of pending) await applyEffect(models, doc, item);
  if (pending.length > 0) {
    await models.sessions.updateOne({ _id: doc._id, version: doc.version }, { $set: { pendingEffects: [], hasPending: false } });
  }
}

async function applyEffect(models: RuntimeModels, doc: SessionDoc, { effect }: PendingEffect): Promise<void> {
  switch (effect.type) {
    case "send_message":
      return; // inserted in one batch by applyPendingEffects
    case "schedule_timer":
      await models.timers.updateOne(
        { _id: effect.timerId },
        { $setOnInsert: { contactKey: doc._id, at: new Date(effect.at), state: "scheduled" } },
        { upsert: true },
      );
      return;
    case "cancel_timer":
      await models.timers.updateOne({ _id: effect.timerId, state: "scheduled" }, { $set: { state: "cancelled" } });
      return;
    case "set_contact": {
      const changes: Record<string, unknown> = {};
      if (effect.language !== undefined) changes["language"] = effect.language;
      if (effect.optedOut !== undefined) changes["optedOut"] = effect.optedOut;
      await models.contacts.updateOne({ _id: doc._id }, { $set: changes });
      return;
    }
    case "end_session":
    case "call_action":
      return; // nothing to store: the session state already says it ended; actions ran before commit
    default:
      return assertNever(effect);
  }
}

function outboxRow(doc: SessionDoc, effect: Extract<Effect, { type: "send_message" }>, lane: OutboxDoc["lane"], position: number, now: Date): OutboxDoc {
  const { channel, address } = parseContactKey(doc._id);
  const { id, type: _type, ...payload } = effect;
  return {
    _id: id,
    channel,
    contactKey: doc._id,
    recipient: address,
    lane,
    payload,
    seq: doc.version * 1000 + position,
    state: "queued",
    notBefore: now,
    attempts: 0,
    createdAt: now,
    sentAt: null,
  };
}

async function insertIgnoringDuplicates(models: RuntimeModels, rows: OutboxDoc[]): Promise<void> {
  if (rows.length === 0) return;
  try {
    await models.outbox.insertMany(rows, { ordered: false, lean: true });
  } catch (error) {
    // Rows already applied by an earlier attempt: deterministic ids make a duplicate the "done" signal.
    const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] }).writeErrors;
    const onlyDuplicates = writeErrors?.every((e) => (e.code ?? e.err?.code) === 11000) ?? (error as { code?: number }).code === 11000;
    if (!onlyDuplicates) throw error;
  }
}
