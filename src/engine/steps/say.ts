/**
 * `say`: send a message, optionally with an image or a document.
 * @example
 * welcome:
 *   say: menu.welcome
 *   image: "https://example.org/logo.png"
 *   next: menu
 */
import { say as send, scope } from "../context.js";
import { renderTemplate, stringify } from "../expr/index.js";
import type { StepDef } from "./step-def.js";
import { noFacts, opt } from "./step-def.js";

export const sayStep: StepDef<"say"> = {
  run(step, ctx) {
    const render = (t: string | undefined) => (t === undefined ? undefined : stringify(renderTemplate(t, scope(ctx))));
    const image = render(step.image);
    const document = render(step.document);
    send(ctx, step.say, { ...(image ? { image } : {}), ...(document ? { document } : {}) });
    return { type: "next", stepId: step.next };
  },
  facts: (step) => ({
    ...noFacts(),
    targets: opt(step.next),
    keys: [step.say],
    templates: [...opt(step.image), ...opt(step.document)],
  }),
};
