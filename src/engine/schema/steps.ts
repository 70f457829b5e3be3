/**
 * Step schemas. A step's type is the one main key it has (`say`, `ask`, `when`, `set`, `do`,
 * `call`, `goto`, `end`, `contact`), which reads naturally in YAML; after parsing, each step gets
 * an explicit `type` so the engine can switch on it exhaustively.
 */
import { z } from "zod";
import { ActionName, Duration, FlowId, I18nKey, StepId, Template, VarPath } from "./common.js";
import { InputSchema } from "./inputs.js";

const next = StepId.optional().describe("Step to run next; without it the flow ends (or returns).");
const Value = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const say = z
  .strictObject({
    say: I18nKey.describe("Message to send (translation key; may use {{variables}})."),
    image: Template.optional().describe("Image to attach: URL or media reference (template)."),
    document: Template.optional().describe("Document to attach: URL or media reference (template)."),
    next,
  })
  .describe("Send a message, optionally with an image or a document.");

const retries = z
  .strictObject({
    max: z.number().int().min(0).max(10).optional().describe("Wrong answers re-prompted before escaping (default 3)."),
    reprompt: z.array(I18nKey).min(1).optional().describe("Re-prompts, one per failed try; the last repeats."),
    then: StepId.optional().describe("Escape step once the budget is spent (default: end politely)."),
  })
  .describe("Retry budget: cap, varied re-prompts, escape step.");

const ask = z
  .strictObject({
    ask: I18nKey.describe("The question (translation key)."),
    input: InputSchema,
    save: VarPath.optional().describe("Variable that receives the answer."),
    retries: retries.optional(),
    timeout: z
      .strictObject({ after: Duration, goto: StepId })
      .optional()
      .describe("If no valid answer comes in time, continue at `goto` (durable timer)."),
    on_error: StepId.optional().describe("Where to go if dynamic options cannot be loaded."),
    sensitive: z
      .boolean()
      .optional()
      .describe("The answer must not stay in the inbound log (religion, caste, a one-time code): its text is blanked once processed."),
    next,
  })
  .describe("Ask a question and wait for a typed answer.");

const branch = z
  .strictObject({
    when: z.string().describe("Condition (expression)."),
    then: StepId.describe("Step when the condition is true."),
    else: StepId.describe("Step when it is false."),
  })
  .describe("Branch on a condition.");

const set = z
  .strictObject({
    set: z.record(VarPath, Value).describe("Variables to set; string values are expressions."),
    next,
  })
  .describe("Set variables from expressions.");

const action = z
  .strictObject({
    do: ActionName,
    args: z.record(z.string(), Value).optional().describe("Arguments; strings are templates."),
    save: VarPath.optional().describe("Variable that receives the action's result."),
    on_error: StepId.optional().describe("Step to run when the action fails (default: end politely)."),
    next,
  })
  .describe("Call a named action; its result can be saved.");

const call = z
  .strictObject({ call: FlowId.describe("Flow to run as a subflow; it returns here."), next })
  .describe("Run another flow, then continue here.");

const goto = z.strictObject({ goto: StepId.describe("Step to jump to.") }).describe("Jump to a step.");

const end = z.strictObject({ end: z.literal(true) }).describe("End the flow (or return to the caller).");

const contact = z
  .strictObject({
    contact: z
      .strictObject({
        language: Template.optional().describe("New language: `hi`, `en` or a template giving one."),
        opted_out: z.boolean().optional().describe("Opt the contact out (true) or back in (false)."),
      })
      .describe("Contact settings to change."),
    next,
  })
  .describe("Change the contact's language or opt-out status.");

/** Step variants by type name; the type name is also the step's main YAML key, except `branch` (`when`) and `action` (`do`). */
export const STEP_SCHEMAS = { say, ask, branch, set, action, call, goto, end, contact } as const;

/** A step type name. */
export type StepType = keyof typeof STEP_SCHEMAS;

/** The YAML key that marks each step type, in detection order. */
export const STEP_KEYS: readonly (readonly [string, StepType])[] = [
  ["ask", "ask"],
  ["when", "branch"],
  ["set", "set"],
  ["do", "action"],
  ["call", "call"],
  ["goto", "goto"],
  ["end", "end"],
  ["contact", "contact"],
  ["say", "say"],
];

/** Every step, as written in a flow file (for the JSON Schema). */
export const StepSchema = z.union([say, ask, branch, set, action, call, goto, end, contact]);

type Typed<K extends StepType> = z.infer<(typeof STEP_SCHEMAS)[K]> & { type: K };
/** A parsed step, discriminated on `type`. */
export type Step = { [K in StepType]: Typed<K> }[StepType];
/** The parsed step of one type. */
export type StepOf<K extends StepType> = Typed<K>;

/** Which step type a raw YAML mapping is, by its main key; null when none is present. */
export function detectStepType(raw: Record<string, unknown>): StepType | null {
  for (const [key, type] of STEP_KEYS) if (Object.hasOwn(raw, key)) return type;
  return null;
}
