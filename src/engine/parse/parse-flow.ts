/** Validate one flow document against the schema, step by step, with precise error positions. */
import { z } from "zod";
import { flowShape, STEP_SCHEMAS, StepId, detectStepType, type Flow, type Step, STEP_KEYS } from "../schema/index.js";
import type { FlowError, SourcePos } from "../types.js";
import { positionOf } from "./yaml-source.js";

const FlowHead = z.strictObject({ ...flowShape, steps: z.record(StepId, z.record(z.string(), z.unknown())) });
const STEP_KEY_LIST = STEP_KEYS.map(([k]) => k).join(", ");

/** Turn zod issues into `FlowError`s located in the file. */
export function issuesToErrors(
  file: string,
  positions: Record<string, SourcePos>,
  prefix: string,
  issues: readonly z.core.$ZodIssue[],
): FlowError[] {
  return issues.map((issue) => {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [];
    const segs = [...(prefix === "" ? [] : [prefix]), ...issue.path.map(String), ...keys.slice(0, 1)];
    const path = segs.join(".");
    const pos = positionOf(positions, path);
    const isInputType = issue.code === "invalid_union" && issue.path.at(-1) === "type" && issue.path.at(-2) === "input";
    return {
      file,
      line: pos.line,
      column: pos.column,
      code: isInputType ? "unknown_input" : "schema",
      message: isInputType ? `unknown input type at ${path}: ${issue.message}` : `${path || "(file)"}: ${issue.message}`,
    };
  });
}

function parseStep(file: string, positions: Record<string, SourcePos>, id: string, raw: Record<string, unknown>): Step | FlowError[] {
  const type = detectStepType(raw);
  if (type === null) {
    const pos = positionOf(positions, `steps.${id}`);
    return [{ file, line: pos.line, column: pos.column, code: "schema", message: `step '${id}' needs one of: ${STEP_KEY_LIST}` }];
  }
  const parsed = STEP_SCHEMAS[type].safeParse(raw);
  if (!parsed.success) return issuesToErrors(file, positions, `steps.${id}`, parsed.error.issues);
  return { ...parsed.data, type } as Step;
}

/** Validate a flow document; the result's steps carry their `type`. */
export function parseFlow(file: string, data: unknown, positions: Record<string, SourcePos>): { ok: true; flow: Flow } | { ok: false; errors: FlowError[] } {
  const head = FlowHead.safeParse(data);
  if (!head.success) return { ok: false, errors: issuesToErrors(file, positions, "", head.error.issues) };
  const steps: Record<string, Step> = {};
  const errors: FlowError[] = [];
  for (const [id, raw] of Object.entries(head.data.steps)) {
    const step = parseStep(file, positions, id, raw);
    if (Array.isArray(step)) errors.push(...step);
    else steps[id] = step;
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, flow: { ...head.data, steps } };
}
