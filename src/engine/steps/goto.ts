/**
 * `goto`: jump to another step of the same flow.
 * @example
 * again:
 *   goto: menu
 */
import type { StepDef } from "./step-def.js";
import { noFacts } from "./step-def.js";

export const gotoStep: StepDef<"goto"> = {
  run: (step) => ({ type: "next", stepId: step.goto }),
  facts: (step) => ({ ...noFacts(), targets: [step.goto] }),
};
