/** What a flow edit would do to live sessions: continue, follow `moved:`, restart, or end. Pure. */
import { openCtx } from "./context.js";
import { resolveFrame } from "./revision.js";
import type { FlowSet, Session } from "./types.js";

/** Counts of waiting sessions by what would happen to them under `flows`. */
export interface EditPlan {
  same: number;
  moved: number;
  restart: number;
  gone: number;
}

/** Classify stored sessions against a (new) flow set, e.g. before deploying an edit. */
export function planEdit(flows: FlowSet, sessions: readonly Session[]): EditPlan {
  const plan: EditPlan = { same: 0, moved: 0, restart: 0, gone: 0 };
  const ports = { now: () => 0, t: (key: string) => key };
  for (const s of sessions) {
    if (s.current === null) continue;
    plan[resolveFrame(openCtx(flows, ports, s), s.current).type] += 1;
  }
  return plan;
}
