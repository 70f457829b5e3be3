/**
 * `set`: set variables. String values are expressions (quote literal text: `"'hello'"`).
 * @example
 * count:
 *   set: { tries: "tries + 1", source: "'menu'" }
 *   next: ask_again
 */
import { scope } from "../context.js";
import { evaluate, parseExpression } from "../expr/index.js";
import { setVar } from "../vars.js";
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

export const setStep: StepDef<"set"> = {
  run(step, ctx) {
    for (const [path, value] of Object.entries(step.set)) {
      if (typeof value !== "string") {
        setVar(ctx.s.vars, path, value);
        continue;
      }
      const parsed = parseExpression(value);
      setVar(ctx.s.vars, path, parsed.ok ? evaluate(parsed.expr, scope(ctx)) : null);
    }
    return { type: "next", stepId: step.next };
  },
  facts: (step) => ({
    ...noFacts(),
    targets: opt(step.next),
    expressions: Object.values(step.set).filter((v): v is string => typeof v === "string"),
    writes: Object.keys(step.set),
  }),
};
