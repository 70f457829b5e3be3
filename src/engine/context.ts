/**
 * The per-resume working state: a private copy of the session, the effects emitted so far and
 * the injected ports. Engine modules mutate only this copy, never the caller's session.
 */
import type { Flow, Step } from "./schema/index.js";
import type { Effect, EffectDraft, EnginePorts, FlowSet, Frame, Json, Lang, LoadedFlow, Session } from "./types.js";

/** Working state of one `resume` call. */
export interface Ctx {
  readonly flows: FlowSet;
  readonly ports: EnginePorts;
  readonly s: Session;
  readonly effects: Effect[];
  /** Prefix of effect ids in this resume: `<contactKey>:<seq at start>`. */
  readonly idBase: string;
  /** Steps executed in this resume, to stop runaway loops. */
  steps: number;
}

/** Start a working context over a deep copy of `session`, ticking `seq` once for the event. */
export function openCtx(flows: FlowSet, ports: EnginePorts, session: Session): Ctx {
  const s = structuredClone(session);
  s.seq += 1;
  return { flows, ports, s, effects: [], idBase: `${s.contactKey}:${s.seq}`, steps: 0 };
}

/** Append an effect, giving it the next deterministic id. */
export function emit(ctx: Ctx, draft: EffectDraft): void {
  ctx.effects.push({ ...draft, id: `${ctx.idBase}:${ctx.effects.length}` } as Effect);
}

/** Variables visible to templates and translations: session vars plus `lang` and `roles`. */
export function scope(ctx: Ctx): { [key: string]: Json } {
  return { ...ctx.s.vars, lang: ctx.s.language, roles: ctx.s.roles };
}

/** Translate a key in the session's language (or `lang`) with the session's variables. */
export function tr(ctx: Ctx, key: string, lang: Lang = ctx.s.language): string {
  return ctx.ports.t(key, scope(ctx), lang);
}

/** Send a translated message. */
export function say(ctx: Ctx, key: string, extra: { choices?: { id: string; label: string }[]; image?: string; document?: string } = {}): void {
  emit(ctx, { type: "send_message", text: tr(ctx, key), ...extra });
}

/** Current time as epoch ms and ISO string. */
export function nowMs(ctx: Ctx): number {
  return ctx.ports.now();
}

/** The loaded flow for an id, if it exists. */
export function loadedFlow(ctx: Ctx, flowId: string): LoadedFlow | undefined {
  return Object.hasOwn(ctx.flows.flows, flowId) ? ctx.flows.flows[flowId] : undefined;
}

/** A step of a flow by id (own properties only). */
export function stepIn(flow: Flow, stepId: string): Step | undefined {
  return Object.hasOwn(flow.steps, stepId) ? flow.steps[stepId] : undefined;
}

/** The step at a frame, if flow and step exist. */
export function stepAt(ctx: Ctx, frame: Frame): Step | undefined {
  const lf = loadedFlow(ctx, frame.flowId);
  return lf === undefined ? undefined : stepIn(lf.flow, frame.stepId);
}
