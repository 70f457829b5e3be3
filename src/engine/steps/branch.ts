/**
 * `when`: branch on a condition.
 * @example
 * adult:
 *   when: "member.age >= 18"
 *   then: done
 *   else: minor
 */
import { scope } from "../context.js";
import { evaluate, parseExpression, truthy } from "../expr/index.js";
import type { StepDef } from "./step-def.js";
import { noFacts } from "./step-def.js";

export const branchStep: StepDef<"branch"> = {
  run(step, ctx) {
    const parsed = parseExpression(step.when);
    const yes = parsed.ok && truthy(evaluate(parsed.expr, scope(ctx)));
    return { type: "next", stepId: yes ? step.then : step.else };
  },
  facts: (step) => ({ ...noFacts(), targets: [step.then, step.else], expressions: [step.when] }),
};
