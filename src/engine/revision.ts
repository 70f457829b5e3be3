/**
 * Safe edits: a session pins the revision of the flow it runs. When the file changed, a position
 * survives if its step id still exists (with a compatible step type), else if the flow's
 * `moved:` map renames it; otherwise the flow restarts politely, or, if it is gone, ends.
 */
import { loadedFlow, stepIn, type Ctx } from "./context.js";
import type { Step } from "./schema/index.js";
import type { Frame } from "./types.js";

/** Where a pinned position lands in the current flow set. */
export type Resolution =
  | { type: "same"; frame: Frame }
  | { type: "moved"; frame: Frame }
  | { type: "restart"; frame: Frame }
  | { type: "gone" };

/** Resolve `frame` against the loaded flows; `fits` says whether a step can take over the position. */
export function resolveFrame(ctx: Ctx, frame: Frame, fits: (step: Step) => boolean = () => true): Resolution {
  const lf = loadedFlow(ctx, frame.flowId);
  if (lf === undefined) return { type: "gone" };
  const here = { ...frame, revision: lf.revision };
  const same = stepIn(lf.flow, frame.stepId);
  if (frame.revision === lf.revision && same !== undefined) return { type: "same", frame: here };
  if (same !== undefined && fits(same)) return { type: "same", frame: here };
  const moved = lf.flow.moved !== undefined && Object.hasOwn(lf.flow.moved, frame.stepId) ? lf.flow.moved[frame.stepId] : undefined;
  const target = moved === undefined ? undefined : stepIn(lf.flow, moved);
  if (moved !== undefined && target !== undefined && fits(target)) return { type: "moved", frame: { ...here, stepId: moved } };
  return { type: "restart", frame: { ...here, stepId: lf.flow.start } };
}
