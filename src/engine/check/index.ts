/** The static checker. */
import type { CheckContext, FlowError, FlowSet } from "../types.js";

/** Every problem in a flow set, sorted by file and line. */
export function checkFlowSet(_flows: FlowSet, _ctx: CheckContext): FlowError[] {
  throw new Error("TODO");
}
