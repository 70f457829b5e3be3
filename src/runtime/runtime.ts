/**
 * The inbound pipeline: log the event (dedupe), then process the contact's unprocessed events in
 * arrival order, each one: load session → advance the engine → commit state + effects → apply.
 * Any instance may process any contact; the session version keeps them from losing updates.
 */
import { awaitsSensitiveAnswer, createSession } from "../engine/index.js";
import type { EngineEvent, EnginePorts, FlowSet, InboundMessage, Session } from "../engine/types.js";
import type { Logger } from "../log.js";
import type { InboundEventDoc, OutboxDoc, RuntimeModels, SessionDoc } from "../store/models/runtime-models.js";
import type { ActionRegistry } from "./actions.js";
import { advance } from "./advance.js";
import { applyPendingEffects, commitSession } from "./commit.js";
import { parseContactKey } from "./contact-key.js";
import { KeyedQueue } from "./keyed-queue.js";

/** Attempts before an event that keeps failing is set aside (logged, marked failed). */
const MAX_EVENT_ATTEMPTS = 3;
/** Version conflicts tolerated in one drain before giving up to the recovery job. */
const MAX_CONFLICTS = 20;

export interface RuntimeDeps {
  models: RuntimeModels;
  /** The current flow set; a function so flows can be reloaded without a restart. */
  flows(): FlowSet;
  ports: EnginePorts;
  actions: ActionRegistry;
  now(): Date;
  log: Logger;
  /** Called after a contact's outbox gained rows (the web channel wakes its listeners). */
  onOutbox?(contactKey: string): void;
}

/** What a channel may tell us about the person besides the message. */
export interface ContactProfile {
  name?: string;
  phone?: string;
  /** Only trusted sources (the simulator, the admin API) may set roles. */
  roles?: string[];
}

export interface Runtime {
  /** Logs and processes one inbound message. `duplicate` when it was already processed. */
  receive(message: InboundMessage, profile?: ContactProfile): Promise<{ duplicate: boolean }>;
  /** Logs and processes a non-message event (timer, proactive start) under a caller-chosen unique key. */
  submit(eventKey: string, event: EngineEvent): Promise<void>;
  /** Processes whatever the contact has pending (used by recovery). */
  drain(contactKey: string): Promise<void>;
  /** Settles work in flight in this process. */
  idle(): Promise<void>;
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const queue = new KeyedQueue();
  const drain = (contactKey: string, roles?: string[]) => queue.run(contactKey, () => drainContact(deps, contactKey, roles));

  return {
    async receive(message, profile) {
      const eventKey = `${message.channel}:${message.eventId}`;
      const fresh = await logEvent(deps.models, eventKey, message.contactKey, { type: "inbound", ...message }, deps.now());
      if (!fresh) return { duplicate: true };
      const roles = await touchContact(deps.models, message.contactKey, profile ?? {}, deps.now());
      await drain(message.contactKey, roles);
      return { duplicate: false };
    },
    async submit(eventKey, event) {
      await logEvent(deps.models, eventKey, event.contactKey, event, deps.now());
      await drain(event.contactKey);
    },
    drain: (contactKey) => drain(contactKey),
    idle: () => queue.idle(),
  };
}

/** Inserts the event once. False when it was already processed (a redelivery). */
async function logEvent(models: RuntimeModels, eventKey: string, contactKey: string, event: EngineEvent, now: Date): Promise<boolean> {
  try {
    await models.inboundEvents.create({ _id: eventKey, contactKey, event, receivedAt: now, processedAt: null, attempts: 0 });
    return true;
  } catch (error) {
    if ((error as { code?: number }).code !== 11000) throw error;
    // Logged before but never processed (a crash in between): process it now rather than drop it.
    const existing = await models.inboundEvents.findById(eventKey, { processedAt: 1 }).lean();
    return !existing?.processedAt;
  }
}

/** Records that the contact was seen and returns its current roles (one round trip for both). */
async function touchContact(models: RuntimeModels, contactKey: string, profile: ContactProfile, now: Date): Promise<string[]> {
  const { channel, address } = parseContactKey(contactKey);
  const set: Record<string, unknown> = { lastSeenAt: now };
  if (profile.name) set["name"] = profile.name;
  if (profile.phone) set["phone"] = profile.phone;
  if (profile.roles) set["roles"] = profile.roles;
  const insert: Record<string, unknown> = { channel, address, createdAt: now, optedOut: false, blocked: false };
  if (!profile.roles) insert["roles"] = [];
  const contact = await models.contacts
    .findOneAndUpdate({ _id: contactKey }, { $set: set, $setOnInsert: insert }, { upsert: true, returnDocument: "after", projection: { roles: 1 } })
    .lean();
  return contact?.roles ?? [];
}

/** Processes the contact's pending events. Roles are read once per drain (a drain lasts milliseconds). */
async function drainContact(deps: RuntimeDeps, contactKey: string, knownRoles?: string[]): Promise<void> {
  const roles = knownRoles ?? (await rolesOf(deps.models, contactKey));
  for (let conflicts = 0; conflicts <= MAX_CONFLICTS; ) {
    const next = await deps.models.inboundEvents
      .findOne({ contactKey, processedAt: null, failedAt: null })
      .sort({ receivedAt: 1, _id: 1 })
      .lean();
    if (!next) return;
    const outcome = await processOne(deps, contactKey, next as InboundEventDoc, roles);
    if (outcome === "conflict") conflicts++;
  }
  deps.log.warn({ contactKey }, "runtime: too many version conflicts; leaving the rest to recovery");
}

async function processOne(deps: RuntimeDeps, contactKey: string, event: InboundEventDoc, roles: string[]): Promise<"done" | "conflict"> {
  const { models } = deps;
  const doc = (await models.sessions.findById(contactKey).lean()) as SessionDoc | null;
  if (doc?.hasPending) await applyPendingEffects(models, doc, deps.now());
  if (doc?.recentEventIds.includes(event._id)) {
    await markProcessed(models, event, deps.now());
    return "done";
  }
  try {
    const flows = deps.flows();
    // Roles live on the contact (an admin may change them at any time), so every event refreshes them.
    const state = doc ? { ...(doc.state as Session), roles } : createSession(contactKey, { roles });
    await flagSensitive(models, event, flows, state);
    const advanced = await advance({ ...deps, flows }, state, event.event as EngineEvent);
    const outcome = await commitSession(models, {
      contactKey,
      expectedVersion: doc?.version ?? null,
      state: advanced.state,
      effects: advanced.effects,
      eventKey: event._id,
      lane: laneFor(event.event as EngineEvent),
      now: deps.now(),
    });
    if (outcome.status === "conflict") return "conflict";
    await applyPendingEffects(models, outcome.doc, deps.now());
    // The replies are in the outbox: their sender can start while the event is marked processed.
    if (advanced.effects.some((e) => e.type === "send_message")) deps.onOutbox?.(contactKey);
    await markProcessed(models, event, deps.now());
    return "done";
  } catch (error) {
    await recordFailure(deps, event, error);
    return "done";
  }
}

async function rolesOf(models: RuntimeModels, contactKey: string): Promise<string[]> {
  const contact = await models.contacts.findById(contactKey, { roles: 1 }).lean();
  return contact?.roles ?? [];
}

/** Replies to a message go first; what the bot starts on its own (timers, reminders) comes after. */
function laneFor(event: EngineEvent): OutboxDoc["lane"] {
  return event.type === "inbound" || event.type === "action_result" ? "reply" : "dialog";
}

/**
 * Marks the event of a message that answers a `sensitive: true` question (religion, caste, a
 * one-time code) BEFORE processing it, so that whichever attempt finally processes it — this one,
 * or a retry after a crash that finds it already in the session — blanks it.
 */
async function flagSensitive(models: RuntimeModels, event: InboundEventDoc, flows: FlowSet, state: Session): Promise<void> {
  if (event.sensitive || (event.event as EngineEvent).type !== "inbound" || !awaitsSensitiveAnswer(flows, state)) return;
  await models.inboundEvents.updateOne({ _id: event._id }, { $set: { sensitive: true } });
  event.sensitive = true;
}

/** What a blanked event loses: everything the person sent. Ids, kind and times stay for dedupe and ordering. */
const BLANKED = { "event.text": 1, "event.media": 1, "event.choice": 1, "event.contact": 1, "event.location": 1, "event.payload": 1 } as const;

async function markProcessed(models: RuntimeModels, event: InboundEventDoc, now: Date): Promise<void> {
  await models.inboundEvents.updateOne({ _id: event._id }, { $set: { processedAt: now }, ...(event.sensitive ? { $unset: BLANKED } : {}) });
}

async function recordFailure(deps: RuntimeDeps, event: InboundEventDoc, error: unknown): Promise<void> {
  const attempts = event.attempts + 1;
  const giveUp = attempts >= MAX_EVENT_ATTEMPTS;
  deps.log.error({ err: error, eventKey: event._id, contactKey: event.contactKey, attempts, giveUp }, "runtime: processing an event failed");
  await deps.models.inboundEvents.updateOne(
    { _id: event._id },
    // An answer to a sensitive question that is set aside is blanked too: nobody may read it later.
    { $set: { attempts, ...(giveUp ? { failedAt: deps.now() } : {}) }, ...(giveUp && event.sensitive ? { $unset: BLANKED } : {}) },
  );
  if (!giveUp) throw error;
}
