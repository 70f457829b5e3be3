/**
 * `ask`: ask a question and wait for a typed answer (see the input types). Answers are handled in
 * `answer.ts`; this module only enters the step.
 * @example
 * epic:
 *   ask: enrol.ask_epic
 *   input: { type: epic }
 *   retries: { max: 3, reprompt: [enrol.bad_epic, enrol.bad_epic_example], then: help }
 *   timeout: { after: 2h, goto: reminder }
 *   save: member.epic
 *   next: booth
 */
import { nowMs, scope } from "../context.js";
import { sendQuestion, staticOptions } from "../question.js";
import { durationMs } from "../schema/index.js";
import { cancelTimers, scheduleTimer } from "../timers.js";
import { callAction, renderArgs } from "./action.js";
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

export const askStep: StepDef<"ask"> = {
  run(step, ctx, stepId) {
    ctx.s.retries = 0;
    cancelTimers(ctx, (t) => t.kind === "timeout");
    const flowId = ctx.s.current?.flowId ?? "";
    if (step.timeout) scheduleTimer(ctx, "timeout", nowMs(ctx) + durationMs(step.timeout.after), flowId, stepId);
    const { input } = step;
    if (input.type === "choice" && input.source !== undefined) {
      callAction(ctx, input.source, renderArgs(input.args, scope(ctx)), "options");
      return { type: "wait" };
    }
    const options = staticOptions(ctx, step);
    ctx.s.wait = options === undefined ? { type: "input" } : { type: "input", options, page: 0 };
    sendQuestion(ctx, step);
    return { type: "wait" };
  },
  facts(step) {
    const { input } = step;
    const choice = input.type === "choice" ? input : undefined;
    return {
      ...noFacts(),
      targets: [...opt(step.next), ...opt(step.retries?.then), ...opt(step.timeout?.goto), ...opt(step.on_error)],
      keys: [step.ask, ...(step.retries?.reprompt ?? []), ...(choice?.options ?? []).map((o) => o.label)],
      templates: Object.values(choice?.args ?? {}),
      writes: opt(step.save),
      actions: opt(choice?.source),
    };
  },
};
