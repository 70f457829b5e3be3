/**
 * A flow started for a contact without an inbound message (a reminder). A waiting question is
 * resumed after it; opted-out contacts and refused guards get nothing.
 */
import type { Ctx } from "../context.js";
import { goIdle, startFlow } from "../flow-run.js";
import type { Vars } from "../types.js";

/** Start a proactive flow; false when nothing happens. */
export function onProactive(ctx: Ctx, flowId: string, vars: Vars): boolean {
  if (ctx.s.optedOut) return false;
  const cur = ctx.s.current;
  if (cur !== null && ctx.s.wait?.type === "input") {
    ctx.s.stack.push({ ...cur, onReturn: "reask" });
    const started = startFlow(ctx, flowId, { vars, sub: true, quiet: true });
    if (!started) ctx.s.stack.pop();
    return started;
  }
  goIdle(ctx, "cancelled");
  return startFlow(ctx, flowId, { vars, quiet: true });
}
