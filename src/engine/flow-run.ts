/** Running flows: start, step until a wait, return from subflows, end, interrupt, restart. */
import { assertNever } from "./assert-never.js";
import { emit, loadedFlow, nowMs, say, stepAt, type Ctx } from "./context.js";
import { resolveFrame } from "./revision.js";
import { durationMs, type Flow } from "./schema/index.js";
import { runStep, type StepOutcome } from "./steps/index.js";
import { cancelTimers, scheduleTimer } from "./timers.js";
import type { EndReason, Vars } from "./types.js";
import { mergeVars } from "./vars.js";

const MAX_STEPS_PER_EVENT = 200;
const DEFAULT_EXPIRY = "24h";

/** Whether the session's roles satisfy the flow's guard. */
export function allowed(ctx: Ctx, flow: Flow): boolean {
  const need = flow.requires?.role;
  return need === undefined || need.some((r) => ctx.s.roles.includes(r));
}

/** Clear every trace of a running flow; emit `end_session` if one was running. */
export function goIdle(ctx: Ctx, reason: EndReason): void {
  const wasRunning = ctx.s.current !== null;
  cancelTimers(ctx);
  Object.assign(ctx.s, { current: null, stack: [], wait: null, history: [], retries: 0, expiresAt: null });
  if (wasRunning) emit(ctx, { type: "end_session", reason });
}

/** Start `flowId` (top level unless `sub`), guard first; false if refused (with a message unless `quiet`). */
export function startFlow(ctx: Ctx, flowId: string, opts: { vars?: Vars; sub?: boolean; quiet?: boolean } = {}): boolean {
  const lf = loadedFlow(ctx, flowId);
  if (lf === undefined || !allowed(ctx, lf.flow)) {
    if (opts.quiet !== true) say(ctx, ctx.flows.global.messages.not_allowed);
    return false;
  }
  if (opts.vars !== undefined) mergeVars(ctx.s.vars, opts.vars);
  if (opts.sub !== true) {
    cancelTimers(ctx, (t) => t.kind === "expiry");
    const at = nowMs(ctx) + durationMs(lf.flow.expires ?? ctx.flows.global.expires ?? DEFAULT_EXPIRY);
    ctx.s.expiresAt = new Date(at).toISOString();
  }
  Object.assign(ctx.s, { current: { flowId, revision: lf.revision, stepId: lf.flow.start }, wait: null, history: [], retries: 0 });
  runSteps(ctx);
  return true;
}

/** A flow left waiting gets its expiry timer (flows that finish within one event never need one). */
export function settleExpiry(ctx: Ctx): void {
  const { current, expiresAt, timers } = ctx.s;
  if (current === null || expiresAt === null || timers.some((t) => t.kind === "expiry")) return;
  scheduleTimer(ctx, "expiry", Date.parse(expiresAt), current.flowId, current.stepId);
}

/** The current flow changed beyond repair: say so and start it again (or end if it is gone). */
export function restartPolitely(ctx: Ctx, flowId: string): void {
  say(ctx, ctx.flows.global.messages.restarted);
  const lf = loadedFlow(ctx, flowId);
  if (lf === undefined) return goIdle(ctx, "restarted");
  cancelTimers(ctx, (t) => t.kind === "timeout");
  Object.assign(ctx.s, { current: { flowId, revision: lf.revision, stepId: lf.flow.start }, wait: null, history: [], retries: 0 });
  runSteps(ctx);
}

/** The current flow ended: return to the caller (true: keep stepping) or go idle (false). */
export function finishFlow(ctx: Ctx): boolean {
  const frame = ctx.s.stack.pop();
  if (frame === undefined) {
    goIdle(ctx, ctx.s.optedOut ? "opted_out" : "completed");
    return false;
  }
  const r = resolveFrame(ctx, frame);
  if (r.type === "gone" || r.type === "restart") {
    say(ctx, ctx.flows.global.messages.restarted);
    if (r.type === "gone") return finishFlow(ctx);
    ctx.s.current = r.frame;
    return true;
  }
  ctx.s.current = r.frame;
  ctx.s.wait = null;
  if (frame.onReturn === "reask") return true;
  const callStep = stepAt(ctx, r.frame);
  const next = callStep !== undefined && "next" in callStep ? callStep.next : undefined;
  if (next === undefined) return finishFlow(ctx);
  ctx.s.current = { ...r.frame, stepId: next };
  return true;
}

/** Enter a subflow from the current position; false (and a message) when refused. */
function enterSubflow(ctx: Ctx, flowId: string): boolean {
  const cur = ctx.s.current;
  const lf = loadedFlow(ctx, flowId);
  if (cur === null || lf === undefined || !allowed(ctx, lf.flow)) {
    say(ctx, ctx.flows.global.messages.not_allowed);
    return false;
  }
  ctx.s.stack.push({ ...cur, onReturn: "next" });
  Object.assign(ctx.s, { current: { flowId, revision: lf.revision, stepId: lf.flow.start }, history: [] });
  return true;
}

/** Apply a step's outcome; true to keep stepping. */
function advance(ctx: Ctx, out: StepOutcome): boolean {
  switch (out.type) {
    case "wait":
      return false;
    case "call":
      if (enterSubflow(ctx, out.flowId)) return true;
      goIdle(ctx, "cancelled");
      return false;
    case "next":
      if (out.stepId === undefined || ctx.s.current === null) return finishFlow(ctx);
      ctx.s.current.stepId = out.stepId;
      return true;
    case "end":
      return finishFlow(ctx);
    default:
      return assertNever(out);
  }
}

/** Execute steps from the current position until the session waits or goes idle. */
export function runSteps(ctx: Ctx): void {
  for (;;) {
    const cur = ctx.s.current;
    if (cur === null) return;
    const step = stepAt(ctx, cur);
    if (step === undefined || ++ctx.steps > MAX_STEPS_PER_EVENT) {
      say(ctx, ctx.flows.global.messages.failed);
      return goIdle(ctx, "cancelled");
    }
    ctx.s.seq += 1;
    if (!advance(ctx, runStep(step, ctx, cur.stepId))) return;
  }
}
