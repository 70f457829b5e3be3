/**
 * `contact`: change the contact's language or opt-out status (the runtime persists it).
 * @example
 * switch:
 *   contact: { language: "{{choice}}" }
 *   next: confirm
 */
import { emit, scope } from "../context.js";
import { renderTemplate } from "../expr/index.js";
import type { Lang } from "../types.js";
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

function asLang(v: unknown): Lang | undefined {
  return v === "hi" || v === "en" ? v : undefined;
}

export const contactStep: StepDef<"contact"> = {
  run(step, ctx) {
    const { language: tpl, opted_out: optedOut } = step.contact;
    const language = tpl === undefined ? undefined : asLang(renderTemplate(tpl, scope(ctx)));
    if (language !== undefined) ctx.s.language = language;
    if (optedOut !== undefined) ctx.s.optedOut = optedOut;
    if (language !== undefined || optedOut !== undefined) {
      emit(ctx, { type: "set_contact", ...(language ? { language } : {}), ...(optedOut !== undefined ? { optedOut } : {}) });
    }
    return { type: "next", stepId: step.next };
  },
  facts: (step) => ({ ...noFacts(), targets: opt(step.next), templates: opt(step.contact.language) }),
};
