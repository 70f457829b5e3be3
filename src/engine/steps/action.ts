/**
 * `do`: call a named action. The runtime runs it idempotently under the key
 * `<contactKey>:<seq>` and resumes the engine with its result.
 * @example
 * enrol:
 *   do: members.enrol
 *   args: { name: "{{member.name}}", epic: "{{member.epic}}" }
 *   save: enrol
 *   on_error: enrol_failed
 *   next: welcome
 */
import { emit, scope } from "../context.js";
import { renderTemplate } from "../expr/index.js";
import type { Json } from "../types.js";
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

/** Render action arguments: strings are templates, other values pass through. */
export function renderArgs(args: Record<string, string | number | boolean | null> | undefined, vars: Json): Json {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(args ?? {})) out[k] = typeof v === "string" ? renderTemplate(v, vars) : v;
  return out;
}

/** Emit a call_action and make the session wait for its result. */
export function callAction(ctx: Parameters<StepDef<"action">["run"]>[1], name: string, args: Json, purpose: "step" | "options"): void {
  const key = `${ctx.s.contactKey}:${ctx.s.seq}`;
  emit(ctx, { type: "call_action", key, name, args });
  ctx.s.wait = { type: "action", key, name, purpose };
}

export const actionStep: StepDef<"action"> = {
  run(step, ctx) {
    callAction(ctx, step.do, renderArgs(step.args, scope(ctx)), "step");
    return { type: "wait" };
  },
  facts: (step) => ({
    ...noFacts(),
    targets: [...opt(step.next), ...opt(step.on_error)],
    templates: Object.values(step.args ?? {}).filter((v): v is string => typeof v === "string"),
    writes: opt(step.save).map((p) => `${p}.*`),
    actions: [step.do],
  }),
};
