/** Checking the current position against the loaded flows before an event touches it (safe edits). */
import type { Ctx } from "./context.js";
import { assertNever } from "./assert-never.js";
import { restartPolitely } from "./flow-run.js";
import { resolveFrame } from "./revision.js";
import type { Step } from "./schema/index.js";
import type { Wait } from "./types.js";

/** Whether `step` can take over a session that waits with `wait`. */
function fits(wait: Wait | null, step: Step): boolean {
  if (wait === null) return true;
  if (wait.type === "input") return step.type === "ask";
  if (wait.purpose === "step") return step.type === "action";
  return step.type === "ask" && step.input.type === "choice" && step.input.source !== undefined;
}

/** `ok`: the position is valid (possibly moved); `restarted`/`gone`: the event was absorbed by a restart or end. */
export function ensureCurrent(ctx: Ctx): "ok" | "restarted" | "gone" {
  const cur = ctx.s.current;
  if (cur === null) return "gone";
  const r = resolveFrame(ctx, cur, (step) => fits(ctx.s.wait, step));
  switch (r.type) {
    case "same":
    case "moved":
      ctx.s.current = r.frame;
      return "ok";
    case "restart":
      restartPolitely(ctx, r.frame.flowId);
      return "restarted";
    case "gone":
      restartPolitely(ctx, cur.flowId);
      return "gone";
    default:
      return assertNever(r);
  }
}
