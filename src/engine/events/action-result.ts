/** An action's result coming back: continue the action step, or show a choice question's loaded options. */
import { continueAt } from "../answer.js";
import { say, stepAt, type Ctx } from "../context.js";
import { goIdle } from "../flow-run.js";
import { ensureCurrent } from "../position.js";
import { sendQuestion } from "../question.js";
import type { StepOf } from "../schema/index.js";
import { foldForMatch } from "../text/normalize.js";
import type { ChoiceOption, EngineEvent, Json, Lang } from "../types.js";
import { setVar } from "../vars.js";

type ActionResult = Extract<EngineEvent, { type: "action_result" }>;

/** Options from an action result: `[{ id, label }]`, label a string or `{ hi, en }`; null if malformed. */
export function toOptions(result: Json, lang: Lang): ChoiceOption[] | null {
  if (!Array.isArray(result) || result.length === 0) return null;
  const out: ChoiceOption[] = [];
  for (const item of result) {
    if (item === null || typeof item !== "object" || Array.isArray(item)) return null;
    const { id, label } = item;
    const text = typeof label === "string" ? label : label !== null && typeof label === "object" && !Array.isArray(label) ? label[lang] : undefined;
    if ((typeof id !== "string" && typeof id !== "number") || typeof text !== "string") return null;
    out.push({ id: String(id), label: text, synonyms: [foldForMatch(text)] });
  }
  return out;
}

function failed(ctx: Ctx, onError: string | undefined): void {
  if (onError !== undefined) return continueAt(ctx, onError);
  say(ctx, ctx.flows.global.messages.failed);
  goIdle(ctx, "cancelled");
}

function optionsLoaded(ctx: Ctx, step: StepOf<"ask">, ev: ActionResult): void {
  const options = ev.ok ? toOptions(ev.result, ctx.s.language) : null;
  if (options === null) return failed(ctx, step.on_error);
  ctx.s.wait = { type: "input", options, page: 0 };
  sendQuestion(ctx, step);
}

/** Handle an action result; false when it is stale (not what the session waits for). */
export function onActionResult(ctx: Ctx, ev: ActionResult): boolean {
  const wait = ctx.s.wait;
  if (wait?.type !== "action" || wait.key !== ev.key) return false;
  if (ensureCurrent(ctx) !== "ok" || ctx.s.current === null) return true;
  const step = stepAt(ctx, ctx.s.current);
  if (step?.type === "ask") {
    optionsLoaded(ctx, step, ev);
  } else if (step?.type === "action" && !ev.ok) {
    failed(ctx, step.on_error);
  } else if (step?.type === "action" && ev.ok) {
    if (step.save !== undefined) setVar(ctx.s.vars, step.save, ev.result);
    continueAt(ctx, step.next);
  }
  return true;
}
