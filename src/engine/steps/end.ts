/**
 * `end`: end the flow; a subflow returns to its caller.
 * @example
 * done:
 *   end: true
 */
import type { StepDef } from "./step-def.js";
import { noFacts } from "./step-def.js";

export const endStep: StepDef<"end"> = {
  run: () => ({ type: "end" }),
  facts: () => noFacts(),
};
