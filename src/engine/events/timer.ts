/** A durable timer firing: a question's timeout moves on, a flow's expiry ends it quietly. */
import { continueAt } from "../answer.js";
import { stepAt, type Ctx } from "../context.js";
import { goIdle } from "../flow-run.js";
import { ensureCurrent } from "../position.js";
import { dropTimer } from "../timers.js";

/** Handle a fired timer; false when it is unknown or stale. */
export function onTimer(ctx: Ctx, timerId: string): boolean {
  const timer = dropTimer(ctx, timerId);
  if (timer === undefined) return false;
  const cur = ctx.s.current;
  if (timer.kind === "expiry") {
    goIdle(ctx, "expired");
    return true;
  }
  const waiting = ctx.s.wait?.type === "input" && cur?.flowId === timer.flowId && cur.stepId === timer.stepId;
  if (!waiting || ctx.s.optedOut || ensureCurrent(ctx) !== "ok" || ctx.s.current === null) return true;
  const step = stepAt(ctx, ctx.s.current);
  if (step?.type === "ask" && step.timeout !== undefined) {
    ctx.s.retries = 0;
    continueAt(ctx, step.timeout.goto);
  }
  return true;
}
