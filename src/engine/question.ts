/** Sending a question (first time, re-prompt or next page) with its choices. */
import { say, tr, type Ctx } from "./context.js";
import { DEFAULT_PAGE_SIZE, MORE_ID, pageOf } from "./inputs/choice.js";
import type { StepOf } from "./schema/index.js";
import { foldForMatch } from "./text/normalize.js";
import type { ChoiceOption, Lang } from "./types.js";

type AskStep = StepOf<"ask">;
const LANGS: readonly Lang[] = ["hi", "en"];

/** Static options translated for the session, with labels in every language as synonyms. */
export function staticOptions(ctx: Ctx, step: AskStep): ChoiceOption[] | undefined {
  if (step.input.type !== "choice" || step.input.options === undefined) return undefined;
  return step.input.options.map((o) => ({
    id: o.id,
    label: tr(ctx, o.label),
    synonyms: [...LANGS.map((l) => tr(ctx, o.label, l)), ...(o.synonyms ?? [])].map(foldForMatch),
  }));
}

/** The buttons to show with the question, if any. */
function choicesFor(ctx: Ctx, step: AskStep): { id: string; label: string }[] | undefined {
  const wait = ctx.s.wait;
  if (step.input.type === "yesno") {
    const m = ctx.flows.global.messages;
    return [
      { id: "yes", label: tr(ctx, m.yes) },
      { id: "no", label: tr(ctx, m.no) },
    ];
  }
  if (step.input.type !== "choice" || wait?.type !== "input") return undefined;
  const { shown, more } = pageOf(wait.options ?? [], wait.page ?? 0, step.input.page ?? DEFAULT_PAGE_SIZE);
  const choices = shown.map((o) => ({ id: o.id, label: o.label }));
  return more ? [...choices, { id: MORE_ID, label: tr(ctx, ctx.flows.global.messages.more) }] : choices;
}

/** Send `key` (the question or a re-prompt) with the question's current choices. */
export function sendQuestion(ctx: Ctx, step: AskStep, key: string = step.ask): void {
  const choices = choicesFor(ctx, step);
  say(ctx, key, choices === undefined ? {} : { choices });
}
