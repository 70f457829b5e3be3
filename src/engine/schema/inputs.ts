/** Schemas of the typed inputs an `ask` step accepts (one variant per input type). */
import { z } from "zod";
import { ActionName, I18nKey, Template } from "./common.js";

const bare = <T extends string>(type: T, description: string) =>
  z.strictObject({ type: z.literal(type) }).describe(description);

const range = <T extends string>(type: T, description: string) =>
  z
    .strictObject({
      type: z.literal(type),
      min: z.number().optional().describe("Smallest accepted value."),
      max: z.number().optional().describe("Largest accepted value."),
    })
    .describe(description);

/** A static option of a choice question. */
export const ChoiceOptionSchema = z
  .strictObject({
    id: z.string().min(1).describe("Value saved when chosen."),
    label: I18nKey.describe("Translation key of the label shown."),
    synonyms: z.array(z.string()).optional().describe("Other words that choose this option."),
  })
  .describe("An option: id saved, label shown, synonyms accepted.");

const choice = z
  .strictObject({
    type: z.literal("choice"),
    options: z.array(ChoiceOptionSchema).min(1).optional().describe("Static options."),
    source: ActionName.optional().describe("Action returning `[{id, label}]` for dynamic options."),
    args: z.record(z.string(), Template).optional().describe("Arguments for `source`."),
    page: z.number().int().min(2).max(20).optional().describe("Options per page (default 8)."),
  })
  .describe("One of several options, by number, label, synonym or button.");

const text = z
  .strictObject({
    type: z.literal("text"),
    min: z.number().int().min(0).optional().describe("Minimum length in characters."),
    max: z.number().int().min(1).optional().describe("Maximum length in characters."),
    pattern: z.string().optional().describe("Regular expression the whole answer must match."),
    validate: z.string().optional().describe("Name of an extra validator, e.g. `person_name`."),
  })
  .describe("Free text with optional length, pattern and validator.");

/** Every input type, discriminated on `type`. */
export const InputSchema = z.discriminatedUnion("type", [
  text,
  range("integer", "A whole number, optionally within a range."),
  range("number", "A number (decimals allowed), optionally within a range."),
  bare("yesno", "Yes or no (हाँ/हां/haan/yes/y/1, नहीं/nahi/no/n/2); saves true/false."),
  choice,
  bare("mobile", "An Indian mobile number; saves 10 digits."),
  bare("epic", "An EPIC voter id (ABC1234567 or UP/01/234/1234567); saves it upper-cased."),
  bare("pincode", "An Indian PIN code (6 digits)."),
  bare("date", "A date: dd/mm/yyyy or with Hindi/English month names; saves YYYY-MM-DD."),
  range("age", "An age in years (default 1–120)."),
  bare("photo", "A photo; saves the media reference."),
  bare("location", "A shared location; saves {lat, lon}."),
  bare("contact", "A shared contact, only the person's own; saves the phone number."),
]);

/** A typed input of an `ask` step. */
export type Input = z.infer<typeof InputSchema>;
/** The input type names. */
export type InputType = Input["type"];
/** A choice input. */
export type ChoiceInput = z.infer<typeof choice>;
