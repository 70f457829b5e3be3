/** Durable timers: the engine asks the runtime to schedule and cancel them, and remembers them. */
import { emit, type Ctx } from "./context.js";
import type { PendingTimer } from "./types.js";

/** Schedule a timer of `kind` at `atMs`, tied to a flow/step; its id is deterministic. */
export function scheduleTimer(ctx: Ctx, kind: PendingTimer["kind"], atMs: number, flowId: string, stepId: string): PendingTimer {
  const timer: PendingTimer = { timerId: `${ctx.s.contactKey}:${ctx.s.seq}:${kind}`, kind, at: new Date(atMs).toISOString(), flowId, stepId };
  ctx.s.timers.push(timer);
  emit(ctx, { type: "schedule_timer", timerId: timer.timerId, at: timer.at });
  return timer;
}

/** Cancel every pending timer that matches `which` (all when omitted). */
export function cancelTimers(ctx: Ctx, which: (t: PendingTimer) => boolean = () => true): void {
  const keep: PendingTimer[] = [];
  for (const t of ctx.s.timers) {
    if (which(t)) emit(ctx, { type: "cancel_timer", timerId: t.timerId });
    else keep.push(t);
  }
  ctx.s.timers = keep;
}

/** Forget a timer that fired (no cancel effect: it is already gone). */
export function dropTimer(ctx: Ctx, timerId: string): PendingTimer | undefined {
  const hit = ctx.s.timers.find((t) => t.timerId === timerId);
  ctx.s.timers = ctx.s.timers.filter((t) => t.timerId !== timerId);
  return hit;
}
