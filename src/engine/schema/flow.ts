/** The schema of one flow file (`flows/<id>.yaml`). */
import { z } from "zod";
import { Duration, FlowId, StepId, VarPath } from "./common.js";
import { StepSchema, type Step } from "./steps.js";

const Triggers = z
  .strictObject({
    keywords: z.array(z.string().min(1)).optional().describe("Words that start this flow when no flow is running."),
    match: z
      .enum(["whole", "first_word"])
      .optional()
      .describe("Keywords match the whole message or its first word (default first_word)."),
    commands: z.array(z.string().regex(/^\/[a-z0-9_]+$/)).optional().describe("Slash commands, e.g. `/join`; they interrupt."),
    deeplink: z
      .array(z.string().min(1))
      .optional()
      .describe("Deep-link payload patterns; `*` matches the rest (saved as trigger.match)."),
    first_contact: z.boolean().optional().describe("Start this flow when a person writes for the first time."),
  })
  .describe("What starts this flow.");

const Requires = z
  .strictObject({ role: z.array(z.string()).min(1).optional().describe("Any one of these roles is required.") })
  .describe("Guards: who may run this flow.");

/** Top-level fields of a flow, shared by the strict schema and the per-step parser. */
export const flowShape = {
  id: FlowId,
  title: z.string().optional().describe("Human title, for organisers."),
  description: z.string().optional().describe("What this flow is for."),
  triggers: Triggers.optional(),
  requires: Requires.optional(),
  params: z.array(VarPath).optional().describe("Variables a caller or proactive start provides."),
  expires: Duration.optional().describe("Abandon the flow this long after it starts (default from _global)."),
  moved: z.record(z.string(), StepId).optional().describe("Renamed steps: old id → new id, for sessions waiting on old ids."),
  start: StepId.describe("First step."),
};

/** A flow file, for the JSON Schema and for editors. */
export const FlowSchema = z
  .strictObject({ ...flowShape, steps: z.record(StepId, StepSchema).describe("Steps by id.") })
  .describe("A Sampark conversation flow.");

/** A parsed flow; steps carry their `type`. */
export type Flow = Omit<z.infer<typeof FlowSchema>, "steps"> & { steps: Record<string, Step> };
