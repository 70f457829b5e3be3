/**
 * Fires due flow timers (a question's timeout, a flow's expiry) even if the person never writes
 * again. During quiet hours nothing fires: timers are held and fire when quiet hours end.
 */
import type { Runtime } from "../runtime/runtime.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { isQuiet, type QuietHours } from "../domain/quiet-hours.js";

const BATCH = 200;

export interface TimerJobDeps {
  models: RuntimeModels;
  runtime: Runtime;
  quietHours: QuietHours;
  now(): Date;
}

/** Fires every due timer once; returns how many fired. Safe to run on several instances at once. */
export async function fireDueTimers(deps: TimerJobDeps): Promise<number> {
  const now = deps.now();
  if (isQuiet(now, deps.quietHours)) return 0;
  const due = await deps.models.timers.find({ state: "scheduled", at: { $lte: now } }).sort({ at: 1 }).limit(BATCH).lean();
  for (const timer of due) {
    // Logged as an event first (deterministic key), then marked: a crash in between re-submits,
    // and the event key makes the second submission a no-op.
    await deps.runtime.submit(`timer:${timer._id}`, { type: "timer_fired", contactKey: timer.contactKey, timerId: timer._id });
    await deps.models.timers.updateOne({ _id: timer._id, state: "scheduled" }, { $set: { state: "fired" } });
  }
  return due.length;
}
