/** The engine's entry point: one event in, the next session and effects out. Pure. */
import { assertNever } from "./assert-never.js";
import { nowMs, openCtx, type Ctx } from "./context.js";
import { onActionResult } from "./events/action-result.js";
import { onInbound } from "./events/inbound.js";
import { onProactive } from "./events/proactive.js";
import { onTimer } from "./events/timer.js";
import { goIdle, settleExpiry } from "./flow-run.js";
import { createSession } from "./session.js";
import type { Awaiting, EngineEvent, EnginePorts, FlowSet, ResumeResult, Session } from "./types.js";

/** A flow past its expiry time ends before a new message is handled. */
function expireIfDue(ctx: Ctx): void {
  const at = ctx.s.expiresAt;
  if (ctx.s.current !== null && at !== null && Date.parse(at) <= nowMs(ctx)) goIdle(ctx, "expired");
}

function dispatch(ctx: Ctx, event: EngineEvent, firstContact: boolean): boolean {
  switch (event.type) {
    case "inbound":
      expireIfDue(ctx);
      return onInbound(ctx, event, firstContact);
    case "action_result":
      return onActionResult(ctx, event);
    case "timer_fired":
      return onTimer(ctx, event.timerId);
    case "proactive":
      return onProactive(ctx, event.flowId, event.vars ?? {});
    default:
      return assertNever(event);
  }
}

/** What a session waits for, derived from its state. */
export function awaitingOf(flows: FlowSet, s: Session): Awaiting | null {
  const cur = s.current;
  if (cur === null || s.wait === null) return null;
  if (s.wait.type === "action") return { type: "action", key: s.wait.key, name: s.wait.name };
  const step = flows.flows[cur.flowId]?.flow.steps[cur.stepId];
  const timeout = s.timers.find((t) => t.kind === "timeout" && t.stepId === cur.stepId);
  const input = step?.type === "ask" ? step.input.type : "unknown";
  return { type: "input", flowId: cur.flowId, stepId: cur.stepId, input, ...(timeout ? { timeoutAt: timeout.at } : {}) };
}

/**
 * Drive a session with one event. Pure: no I/O, clock or randomness except through `ports`; the
 * same inputs give the same outputs, with deterministic effect ids. A `null` session is a contact
 * we have never seen (first contact). An ignored event returns the session unchanged and no effects.
 */
export function resume(flows: FlowSet, session: Session | null, event: EngineEvent, ports: EnginePorts): ResumeResult {
  const base = session ?? createSession(event.contactKey, { language: flows.global.default_language ?? "hi" });
  const ctx = openCtx(flows, ports, base);
  const handled = dispatch(ctx, event, base.seq === 0);
  settleExpiry(ctx);
  const next = handled ? ctx.s : base;
  return { session: next, effects: handled ? ctx.effects : [], awaiting: awaitingOf(flows, next) };
}
