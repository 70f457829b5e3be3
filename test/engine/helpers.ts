/** Test helpers: flow sets from strings, a pinned clock, a fake translator, and a chat driver. */
import { readFileSync } from "node:fs";
import { createSession, loadFlowSet, parseFlowSource, resume } from "../../src/engine/index.js";
import type { Effect, EngineEvent, EnginePorts, FlowSet, InboundMessage, Json, ResumeResult, Session, Translate } from "../../src/engine/index.js";

/** The shipped global file, reused by unit-test flow sets. */
export const GLOBAL_YAML = readFileSync("flows/_global.yaml", "utf8");
/** 2025-01-01T10:00:00Z. */
export const T0 = Date.parse("2025-01-01T10:00:00Z");

/** `lang|key` plus vars used, so assertions read easily. */
export const fakeT: Translate = (key, _vars, lang) => `${lang}|${key}`;

/** Parse flow YAML sources (name → text) plus the shipped global file; throws on errors. */
export function flowSet(files: Record<string, string>, global: string = GLOBAL_YAML): FlowSet {
  const r = parseFlowSource({ ...files, "flows/_global.yaml": global });
  if (!r.ok) throw new Error(r.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return r.flows;
}

/** The shipped flows. */
export function shippedFlows(): FlowSet {
  const r = loadFlowSet("flows");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.flows;
}

/** Drives one contact through the engine, carrying the session like the runtime would. */
export class Chat {
  session: Session | null;
  now = T0;
  last: ResumeResult | null = null;
  private n = 0;
  readonly ports: EnginePorts;

  constructor(public flows: FlowSet, opts: { session?: Session | null; t?: Translate; contactKey?: string } = {}) {
    this.session = opts.session ?? null;
    this.ports = { now: () => this.now, t: opts.t ?? fakeT };
    this.contactKey = opts.contactKey ?? "tg:42";
  }
  readonly contactKey: string;

  /** Feed any event; returns its effects. */
  event(ev: EngineEvent): Effect[] {
    this.last = resume(this.flows, this.session, ev, this.ports);
    this.session = this.last.session;
    return this.last.effects;
  }
  /** Send a message (text by default). */
  send(text: string, extra: Partial<InboundMessage> = {}): Effect[] {
    return this.event({ type: "inbound", channel: "test", eventId: `ev${this.n++}`, contactKey: this.contactKey, kind: "text", text, ...extra });
  }
  /** Feed an action result for the pending call_action. */
  result(ok: boolean, value: Json | string): Effect[] {
    const key = this.last?.awaiting?.type === "action" ? this.last.awaiting.key : "none";
    return ok
      ? this.event({ type: "action_result", contactKey: this.contactKey, key, ok: true, result: value as Json })
      : this.event({ type: "action_result", contactKey: this.contactKey, key, ok: false, error: String(value) });
  }
  /** Fire a timer. */
  fire(timerId: string): Effect[] {
    return this.event({ type: "timer_fired", contactKey: this.contactKey, timerId });
  }
}

/** Texts of the send_message effects. */
export function texts(effects: Effect[]): string[] {
  return effects.flatMap((e) => (e.type === "send_message" ? [e.text] : []));
}

/** Effects of one type. */
export function ofType<T extends Effect["type"]>(effects: Effect[], type: T): Extract<Effect, { type: T }>[] {
  return effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
}

/** A chat with a contact who talked before (so no first-contact flow), optionally with roles. */
export function returning(flows: FlowSet, init: { roles?: string[]; language?: "hi" | "en" } = {}): Chat {
  const session = createSession("tg:42", init);
  session.seq = 3;
  return new Chat(flows, { session });
}

/** The shipped flow files (path → YAML) plus `extra`, as one flow set. */
export function withShipped(extra: Record<string, string>): FlowSet {
  const files: Record<string, string> = {};
  for (const lf of Object.values(shippedFlows().flows)) files[lf.file] = readFileSync(lf.file, "utf8");
  return flowSet({ ...files, ...extra });
}
