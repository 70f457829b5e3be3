/**
 * Mongoose models of the conversation runtime. Bound to one connection so tests can run several
 * stores side by side. Repositories (../repos) are the only users; they return plain objects.
 */
import { Schema, type Connection } from "mongoose";

export interface ContactDoc {
  _id: string;
  channel: string;
  address: string;
  name?: string;
  phone?: string;
  roles: string[];
  language?: string;
  optedOut: boolean;
  blocked: boolean;
  /** When `blocked` last changed (provider time): a stale redelivered block/unblock must not win. */
  blockedChangedAt?: Date | null;
  createdAt: Date;
  lastSeenAt: Date;
}

export interface SessionDoc {
  _id: string;
  version: number;
  state: unknown;
  /** Effects committed with `state` but not yet applied to their own collections (see commit.ts). */
  pendingEffects: unknown[];
  /** Index-friendly flag: true while `pendingEffects` is not empty, so recovery finds them cheaply. */
  hasPending: boolean;
  /** Inbound events already reflected in `state`, newest last: makes reprocessing a no-op. */
  recentEventIds: string[];
  updatedAt: Date;
}

export interface InboundEventDoc {
  _id: string;
  contactKey: string;
  event: unknown;
  receivedAt: Date;
  processedAt?: Date | null;
  /** Failed processing attempts; past a limit the event is set aside so the contact is not stuck. */
  attempts: number;
  failedAt?: Date | null;
  /** Answers a `sensitive: true` question: its text and media are removed once it is processed. */
  sensitive?: boolean;
}

export interface OutboxDoc {
  _id: string;
  channel: string;
  contactKey: string;
  recipient: string;
  lane: "reply" | "dialog" | "broadcast";
  payload: unknown;
  /** Orders one contact's messages: session version × 1000 + position in the commit. */
  seq: number;
  state: "queued" | "leased" | "sent" | "failed" | "blocked" | "ambiguous";
  notBefore: Date;
  attempts: number;
  createdAt: Date;
  sentAt?: Date | null;
  /** Sender instance holding the row while `leased`, and until when; an expired lease is reclaimed. */
  leaseOwner?: string | null;
  leaseUntil?: Date | null;
  /** Set just before a provider call: a reclaimed row with it set may have been delivered (ambiguous). */
  sendingAt?: Date | null;
  /** Parts of a split message already delivered; a retry resumes after them. */
  partsSent?: number;
  providerId?: string | null;
  lastError?: string | null;
}

export interface ActionResultDoc {
  _id: string;
  name: string;
  ok: boolean;
  result?: unknown;
  error?: string;
  at: Date;
}

export interface TimerDoc {
  _id: string;
  contactKey: string;
  at: Date;
  state: "scheduled" | "fired" | "cancelled";
}

export interface LockDoc {
  _id: string;
  owner: string;
  until: Date;
}

const INBOUND_RETENTION_SECONDS = 7 * 24 * 3600;
const opts = { versionKey: false, minimize: false, id: false } as const;

/** The runtime's models on `connection`, typed from their schemas. */
export type RuntimeModels = ReturnType<typeof runtimeModels>;

export function runtimeModels(connection: Connection) {
  const contact = new Schema<ContactDoc>(
    {
      _id: String,
      channel: { type: String, required: true },
      address: { type: String, required: true },
      name: String,
      phone: String,
      roles: { type: [String], default: [] },
      language: String,
      optedOut: { type: Boolean, default: false },
      blocked: { type: Boolean, default: false },
      blockedChangedAt: { type: Date, default: null },
      createdAt: { type: Date, required: true },
      lastSeenAt: { type: Date, required: true },
    },
    { ...opts, collection: "contacts" },
  );
  const session = new Schema<SessionDoc>(
    {
      _id: String,
      version: { type: Number, required: true },
      state: { type: Schema.Types.Mixed, required: true },
      pendingEffects: { type: [Schema.Types.Mixed], default: [] },
      hasPending: { type: Boolean, default: false },
      recentEventIds: { type: [String], default: [] },
      updatedAt: { type: Date, required: true },
    },
    { ...opts, collection: "sessions" },
  );
  session.index({ hasPending: 1, updatedAt: 1 });

  const inbound = new Schema<InboundEventDoc>(
    {
      _id: String,
      contactKey: { type: String, required: true },
      event: { type: Schema.Types.Mixed, required: true },
      receivedAt: { type: Date, required: true },
      processedAt: { type: Date, default: null },
      attempts: { type: Number, default: 0 },
      failedAt: { type: Date, default: null },
      sensitive: Boolean,
    },
    { ...opts, collection: "inbound_events" },
  );
  inbound.index({ contactKey: 1, processedAt: 1, receivedAt: 1 });
  // Message text is personal data: keep the dedupe log only as long as redelivery can happen.
  inbound.index({ receivedAt: 1 }, { expireAfterSeconds: INBOUND_RETENTION_SECONDS });

  const outbox = new Schema<OutboxDoc>(
    {
      _id: String,
      channel: { type: String, required: true },
      contactKey: { type: String, required: true },
      recipient: { type: String, required: true },
      lane: { type: String, required: true },
      payload: { type: Schema.Types.Mixed, required: true },
      seq: { type: Number, required: true },
      state: { type: String, required: true },
      notBefore: { type: Date, required: true },
      attempts: { type: Number, default: 0 },
      createdAt: { type: Date, required: true },
      sentAt: { type: Date, default: null },
      leaseOwner: { type: String, default: null },
      leaseUntil: { type: Date, default: null },
      sendingAt: { type: Date, default: null },
      partsSent: { type: Number, default: 0 },
      providerId: { type: String, default: null },
      lastError: { type: String, default: null },
    },
    { ...opts, collection: "outbox" },
  );
  outbox.index({ contactKey: 1, seq: 1 });
  // Serves the claim (equal channel and state, sorted by notBefore then seq) without a sort stage.
  outbox.index({ channel: 1, state: 1, notBefore: 1, seq: 1 });

  const actionResult = new Schema<ActionResultDoc>(
    { _id: String, name: String, ok: Boolean, result: Schema.Types.Mixed, error: String, at: Date },
    { ...opts, collection: "action_results" },
  );
  const timer = new Schema<TimerDoc>(
    { _id: String, contactKey: { type: String, required: true }, at: { type: Date, required: true }, state: String },
    { ...opts, collection: "timers" },
  );
  timer.index({ state: 1, at: 1 });
  const lock = new Schema<LockDoc>({ _id: String, owner: String, until: Date }, { ...opts, collection: "locks" });

  return {
    contacts: connection.model("Contact", contact),
    sessions: connection.model("Session", session),
    inboundEvents: connection.model("InboundEvent", inbound),
    outbox: connection.model("Outbox", outbox),
    actionResults: connection.model("ActionResult", actionResult),
    timers: connection.model("Timer", timer),
    locks: connection.model("Lock", lock),
  };
}
