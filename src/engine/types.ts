/**
 * Public types of the flow engine. Everything here is plain JSON so the runtime can store it as is.
 * The engine is pure: `resume(flows, session, event, ports)` returns the next session and the
 * effects the runtime must carry out; time and translation come in through `EnginePorts`.
 */
import type { Flow, GlobalFile } from "./schema/index.js";

export type { Flow, GlobalFile } from "./schema/index.js";

/** A supported conversation language; Hindi is the default. */
export type Lang = "hi" | "en";

/** Any JSON value: what variables, action args and action results may hold. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Variables of a session, addressed with dotted paths (`member.name`). */
export type Vars = { [key: string]: Json };

// ---------------------------------------------------------------------------------------------
// Flow set (the loaded flow files)
// ---------------------------------------------------------------------------------------------

/** Where a YAML node starts, for error messages. */
export interface SourcePos {
  line: number;
  column: number;
}

/** A flow as loaded: the parsed file plus its content hash and source positions. */
export interface LoadedFlow {
  flow: Flow;
  /** Content hash of the file (sha256 hex, first 16 chars): the revision sessions pin. */
  revision: string;
  /** Path of the file, relative to the flows directory's parent when possible. */
  file: string;
  /** Dotted YAML path (`steps.name.next`) → position; used by the checker. */
  positions: Record<string, SourcePos>;
}

/** Every flow plus `_global.yaml`, keyed by flow id. Immutable once loaded. */
export interface FlowSet {
  flows: Record<string, LoadedFlow>;
  global: GlobalFile;
  globalFile: string;
  globalPositions: Record<string, SourcePos>;
}

/** A problem in a flow file, with where it is. `code` is stable; `message` is for people. */
export interface FlowError {
  file: string;
  line: number;
  column?: number;
  code: FlowErrorCode;
  message: string;
}

/** Stable codes of flow-file problems. */
export type FlowErrorCode =
  | "yaml_syntax"
  | "schema"
  | "duplicate_flow"
  | "missing_global"
  | "unknown_step"
  | "unknown_flow"
  | "unreachable_step"
  | "unknown_action"
  | "unknown_validator"
  | "unknown_input"
  | "bad_expression"
  | "unknown_variable"
  | "missing_translation"
  | "interpolation_mismatch"
  | "unknown_role";

/** What the checker needs to know about the world outside the flow files. */
export interface CheckContext {
  /** Names of the actions the runtime registers (`members.enrol`). */
  actions: readonly string[];
  /** Locale resources: language → nested key/value object, as in `locales/<lang>.json`. */
  locales: Readonly<Record<string, unknown>>;
  /** Role names a guard may require. */
  roles: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Session (stored by the runtime; the runtime owns `_id` and `version`)
// ---------------------------------------------------------------------------------------------

/** A position in a flow: where the session is. */
export interface Frame {
  flowId: string;
  revision: string;
  stepId: string;
}

/**
 * A return address. `next`: continue after the `call` step `stepId`; `reask`: ask the question at
 * `stepId` again (after a global command in `return` mode).
 */
export interface StackFrame extends Frame {
  onReturn: "next" | "reask";
}

/** A timer the engine asked the runtime to schedule. */
export interface PendingTimer {
  timerId: string;
  kind: "timeout" | "expiry";
  /** The flow (and, for timeouts, the ask step) it belongs to; a timer that no longer matches is dropped. */
  flowId: string;
  stepId: string;
  /** ISO time when it fires. */
  at: string;
}

/** One option of a choice question, as shown to the person. */
export interface ChoiceOption {
  id: string;
  /** Already translated label. */
  label: string;
  /** Extra words (already normalized) that also select this option. */
  synonyms?: string[];
}

/** What the current step is waiting for. */
export type Wait =
  | { type: "input"; options?: ChoiceOption[]; page?: number }
  | { type: "action"; key: string; name: string; purpose: "step" | "options" };

/** A conversation's state: plain JSON. */
export interface Session {
  contactKey: string;
  language: Lang;
  roles: string[];
  /** Current position; null when idle (no flow running). */
  current: Frame | null;
  /** Return addresses of subflow calls, innermost last. */
  stack: StackFrame[];
  /** Ask steps already answered in the current flow, newest last (for BACK). */
  history: string[];
  vars: Vars;
  /** Failed attempts at the current question. */
  retries: number;
  /** Increments with every step executed and with every resume; feeds idempotency keys. */
  seq: number;
  optedOut: boolean;
  /** ISO time after which the running flow is considered abandoned; null when idle. */
  expiresAt: string | null;
  timers: PendingTimer[];
  wait: Wait | null;
}

// ---------------------------------------------------------------------------------------------
// Events in
// ---------------------------------------------------------------------------------------------

/** The kinds of inbound message a channel can normalize to. */
export type InboundKind = "text" | "choice" | "photo" | "contact" | "location" | "command";

/** A normalized inbound message, as produced by a channel adapter. */
export interface InboundMessage {
  channel: string;
  eventId: string;
  contactKey: string;
  kind: InboundKind;
  text?: string;
  /** Id of a tapped choice button. */
  choice?: string;
  /** Media reference (file id / URL) of a photo. */
  media?: string;
  /** A shared contact; `isOwn` is true only if it is the sender's own (Telegram user_id === from.id). */
  contact?: { phone: string; isOwn: boolean };
  location?: { lat: number; lon: number };
  /** Deep-link payload (`/start ref_CODE`, `wa.me/..?text=JOIN CODE`). */
  payload?: string;
}

/** Everything that can drive the engine. Every event names its contact. */
export type EngineEvent =
  | ({ type: "inbound" } & InboundMessage)
  | { type: "action_result"; contactKey: string; key: string; ok: true; result: Json }
  | { type: "action_result"; contactKey: string; key: string; ok: false; error: string }
  | { type: "timer_fired"; contactKey: string; timerId: string }
  | { type: "proactive"; contactKey: string; flowId: string; vars?: Vars };

// ---------------------------------------------------------------------------------------------
// Ports (injected)
// ---------------------------------------------------------------------------------------------

/** Translate `key` into `lang`, interpolating `vars`. Must return the key itself when missing. */
export type Translate = (key: string, vars: Record<string, unknown>, lang: Lang) => string;

/** What the engine needs from the outside world. Pure functions of their inputs. */
export interface EnginePorts {
  /** Current time in epoch milliseconds. */
  now(): number;
  t: Translate;
}

// ---------------------------------------------------------------------------------------------
// Effects out
// ---------------------------------------------------------------------------------------------

/** Why a conversation ended. */
export type EndReason = "completed" | "cancelled" | "expired" | "opted_out" | "restarted";

/**
 * An instruction for the runtime. `id` is deterministic (`<contactKey>:<seq>:<n>`), unique per
 * session, so outbox rows built from effects get stable ids across replays.
 */
export type Effect =
  | {
      type: "send_message";
      id: string;
      text: string;
      choices?: { id: string; label: string }[];
      image?: string;
      document?: string;
    }
  | { type: "call_action"; id: string; key: string; name: string; args: Json }
  | { type: "schedule_timer"; id: string; timerId: string; at: string }
  | { type: "cancel_timer"; id: string; timerId: string }
  | { type: "set_contact"; id: string; language?: Lang; optedOut?: boolean }
  | { type: "end_session"; id: string; reason: EndReason };

/** Effect without its id (what step code produces before ids are assigned). */
export type EffectDraft = Effect extends infer E ? (E extends Effect ? Omit<E, "id"> : never) : never;

/** What the session is waiting for after this resume, for the runtime and tests. */
export type Awaiting =
  | { type: "input"; flowId: string; stepId: string; input: string; timeoutAt?: string }
  | { type: "action"; key: string; name: string };

/** The result of `resume`: the next session, what to do, and what we now wait for. */
export interface ResumeResult {
  session: Session;
  effects: Effect[];
  awaiting: Awaiting | null;
}
