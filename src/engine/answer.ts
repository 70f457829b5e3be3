/** Handling a reply to the question the session waits on: accept, turn the page, or re-prompt/escape. */
import { assertNever } from "./assert-never.js";
import { say, type Ctx } from "./context.js";
import { finishFlow, goIdle, runSteps } from "./flow-run.js";
import { validateInput, type Answer } from "./inputs/index.js";
import type { FailReason } from "./inputs/answer.js";
import { sendQuestion } from "./question.js";
import type { StepOf } from "./schema/index.js";
import { cancelTimers } from "./timers.js";
import type { Json } from "./types.js";
import { setVar } from "./vars.js";

type AskStep = StepOf<"ask">;
const DEFAULT_RETRIES = 3;
const HISTORY_LIMIT = 20;

/** Continue at `stepId`, or finish the flow when there is none. */
export function continueAt(ctx: Ctx, stepId: string | undefined): void {
  const cur = ctx.s.current;
  if (cur === null) return;
  ctx.s.wait = null;
  if (stepId !== undefined) cur.stepId = stepId;
  else if (!finishFlow(ctx)) return;
  runSteps(ctx);
}

function accept(ctx: Ctx, step: AskStep, stepId: string, value: Json): void {
  if (step.save !== undefined) setVar(ctx.s.vars, step.save, value);
  cancelTimers(ctx, (t) => t.kind === "timeout");
  ctx.s.history = [...ctx.s.history, stepId].slice(-HISTORY_LIMIT);
  ctx.s.retries = 0;
  continueAt(ctx, step.next);
}

function retry(ctx: Ctx, step: AskStep, reason: FailReason): void {
  ctx.s.retries += 1;
  if (ctx.s.retries > (step.retries?.max ?? DEFAULT_RETRIES)) {
    cancelTimers(ctx, (t) => t.kind === "timeout");
    ctx.s.retries = 0;
    const escape = step.retries?.then;
    if (escape !== undefined) return continueAt(ctx, escape);
    say(ctx, ctx.flows.global.messages.gave_up);
    return goIdle(ctx, "cancelled");
  }
  const reprompts = step.retries?.reprompt ?? [];
  const key = reprompts[Math.min(ctx.s.retries, reprompts.length) - 1] ?? `errors.${reason}`;
  sendQuestion(ctx, step, key);
}

/** Apply a reply to the ask step the session waits on. */
export function handleAnswer(ctx: Ctx, step: AskStep, stepId: string, answer: Answer): void {
  const wait = ctx.s.wait;
  if (wait?.type !== "input") return;
  const result = validateInput(step.input, wait, answer);
  switch (result.type) {
    case "ok":
      return accept(ctx, step, stepId, result.value);
    case "more":
      wait.page = (wait.page ?? 0) + 1;
      return sendQuestion(ctx, step);
    case "fail":
      return retry(ctx, step, result.reason);
    default:
      return assertNever(result);
  }
}
