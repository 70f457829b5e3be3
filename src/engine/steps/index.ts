/** The step-type registry and the one exhaustive switch that runs a step. */
import { assertNever } from "../assert-never.js";
import type { Ctx } from "../context.js";
import type { Step, StepType } from "../schema/index.js";
import { actionStep } from "./action.js";
import { askStep } from "./ask.js";
import { branchStep } from "./branch.js";
import { callStep } from "./call.js";
import { contactStep } from "./contact.js";
import { endStep } from "./end.js";
import { gotoStep } from "./goto.js";
import { sayStep } from "./say.js";
import { setStep } from "./set.js";
import type { StepDef, StepFacts, StepOutcome } from "./step-def.js";

export type { StepFacts, StepOutcome } from "./step-def.js";

/** Every step type's module, by type name. */
export const STEPS: { readonly [K in StepType]: StepDef<K> } = {
  say: sayStep,
  ask: askStep,
  branch: branchStep,
  set: setStep,
  action: actionStep,
  call: callStep,
  goto: gotoStep,
  end: endStep,
  contact: contactStep,
};

/** Run one step. */
export function runStep(step: Step, ctx: Ctx, stepId: string): StepOutcome {
  switch (step.type) {
    case "say":
      return STEPS.say.run(step, ctx, stepId);
    case "ask":
      return STEPS.ask.run(step, ctx, stepId);
    case "branch":
      return STEPS.branch.run(step, ctx, stepId);
    case "set":
      return STEPS.set.run(step, ctx, stepId);
    case "action":
      return STEPS.action.run(step, ctx, stepId);
    case "call":
      return STEPS.call.run(step, ctx, stepId);
    case "goto":
      return STEPS.goto.run(step, ctx, stepId);
    case "end":
      return STEPS.end.run(step, ctx, stepId);
    case "contact":
      return STEPS.contact.run(step, ctx, stepId);
    default:
      return assertNever(step);
  }
}

/** Static facts about a step, for the checker. */
export function stepFacts(step: Step): StepFacts {
  switch (step.type) {
    case "say":
      return STEPS.say.facts(step);
    case "ask":
      return STEPS.ask.facts(step);
    case "branch":
      return STEPS.branch.facts(step);
    case "set":
      return STEPS.set.facts(step);
    case "action":
      return STEPS.action.facts(step);
    case "call":
      return STEPS.call.facts(step);
    case "goto":
      return STEPS.goto.facts(step);
    case "end":
      return STEPS.end.facts(step);
    case "contact":
      return STEPS.contact.facts(step);
    default:
      return assertNever(step);
  }
}
