/**
 * `call`: run another flow as a subflow; when it ends, continue at `next`.
 * @example
 * show_help:
 *   call: help
 *   next: menu
 */
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

export const callStep: StepDef<"call"> = {
  run: (step) => ({ type: "call", flowId: step.call }),
  facts: (step) => ({ ...noFacts(), targets: opt(step.next), flows: [step.call] }),
};
