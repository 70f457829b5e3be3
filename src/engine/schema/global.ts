/** The schema of `flows/_global.yaml`: settings, global commands and engine messages. */
import { z } from "zod";
import { Duration, FlowId, I18nKey } from "./common.js";

const Command = z
  .strictObject({
    words: z.array(z.string().min(1)).min(1).describe("Words in any language that invoke the command."),
    match: z.enum(["whole", "first_word"]).optional().describe("Whole message (default) or first word."),
    mode: z
      .enum(["interrupt", "return"])
      .describe("`interrupt` ends the current flow; `return` answers, then re-asks the waiting question."),
    flow: FlowId.optional().describe("Flow to run."),
    builtin: z.enum(["cancel", "back"]).optional().describe("Built-in behaviour instead of a flow."),
    when_opted_out: z.boolean().optional().describe("Also works for an opted-out contact (START)."),
  })
  .refine((c) => (c.flow === undefined) !== (c.builtin === undefined), "give exactly one of flow or builtin")
  .describe("A global command.");

const Messages = z
  .strictObject({
    restarted: I18nKey.describe("Sent when a flow changed under a waiting session and restarts."),
    gave_up: I18nKey.describe("Sent when a retry budget is spent and no escape step is set."),
    failed: I18nKey.describe("Sent when an action fails and no on_error step is set."),
    not_allowed: I18nKey.describe("Sent when a role guard refuses a flow."),
    cancelled: I18nKey.describe("Sent by the cancel built-in."),
    cannot_go_back: I18nKey.describe("Sent by the back built-in when there is nothing to go back to."),
    more: I18nKey.describe("Label of the 'more options' choice."),
    yes: I18nKey.describe("Label of the 'yes' button of yes/no questions."),
    no: I18nKey.describe("Label of the 'no' button of yes/no questions."),
  })
  .describe("Keys of messages the engine itself sends.");

/** `_global.yaml`. */
export const GlobalSchema = z
  .strictObject({
    default_language: z.enum(["hi", "en"]).optional().describe("Language before the person picks one (default hi)."),
    expires: Duration.optional().describe("Default flow expiry (default 24h)."),
    fallback_flow: FlowId.describe("Flow started by a message that matches nothing when idle."),
    commands: z.record(z.string().regex(/^[a-z_]+$/), Command).describe("Global commands by name."),
    messages: Messages,
  })
  .describe("Sampark global settings and commands.");

/** A parsed `_global.yaml`. */
export type GlobalFile = z.infer<typeof GlobalSchema>;
/** One global command. */
export type GlobalCommand = GlobalFile["commands"][string];
