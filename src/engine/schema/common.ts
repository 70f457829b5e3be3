/** Building blocks shared by the flow-file schemas. */
import { z } from "zod";

/** A step id: lower snake case, unique within a flow. */
export const StepId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "step ids are lower_snake_case")
  .describe("Id of a step in this flow (lower_snake_case).");

/** A flow id: lower snake case, the file's `id:`. */
export const FlowId = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, "flow ids are lower_snake_case")
  .describe("Id of a flow (its `id:`).");

/** An i18next key in `locales/<lang>.json`, at least two segments (`menu.ask`). */
export const I18nKey = z
  .string()
  .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, "i18n keys look like section.name")
  .describe("Translation key in locales/<lang>.json, e.g. `menu.ask`.");

/** A variable path (`member.name`). Prototype names are refused. */
export const VarPath = z
  .string()
  .regex(/^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/i, "variable paths look like member.name")
  .refine((p) => !p.split(".").some((s) => FORBIDDEN_NAMES.has(s)), "forbidden variable name")
  .describe("Variable path, e.g. `member.name`.");

/** An action name as registered by the runtime (`members.enrol`). */
export const ActionName = z
  .string()
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, "action names look like members.enrol")
  .describe("Name of a registered action, e.g. `members.enrol`.");

/** A duration: a number and a unit (s, m, h, d). */
export const Duration = z
  .string()
  .regex(/^\d+(s|m|h|d)$/, "durations look like 30m, 2h or 1d")
  .describe("Duration: number + unit (s, m, h, d), e.g. `2h`.");

/** A string that may contain `{{expression}}` placeholders. */
export const Template = z.string().describe("Text with `{{expression}}` placeholders.");

/** Names that would reach into JavaScript prototypes; refused everywhere. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype"]);

/** Milliseconds in a duration string such as `2h` (validated by `Duration`). */
export function durationMs(d: string): number {
  const unit = d.slice(-1);
  const n = Number(d.slice(0, -1));
  const per = unit === "s" ? 1_000 : unit === "m" ? 60_000 : unit === "h" ? 3_600_000 : 86_400_000;
  return n * per;
}
