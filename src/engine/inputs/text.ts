/** `text` input: length in characters, optional pattern and named validator. */
import type { Input } from "../schema/index.js";
import { fail, ok, type Answer, type InputResult } from "./answer.js";
import { VALIDATORS, isValidator } from "./validators.js";

const DEFAULT_MAX = 500;

/** Compile a flow author's pattern (anchored, unicode); null if invalid. */
export function compilePattern(pattern: string): RegExp | null {
  try {
    return new RegExp(`^(?:${pattern})$`, "u");
  } catch {
    return null;
  }
}

/** Validate free text. */
export function validateText(input: Extract<Input, { type: "text" }>, a: Answer): InputResult {
  if (a.kind !== "text" || a.text === "") return fail("text");
  const length = [...a.text].length;
  if (length < (input.min ?? 1)) return fail("too_short");
  if (length > (input.max ?? DEFAULT_MAX)) return fail("too_long");
  if (input.pattern !== undefined && !compilePattern(input.pattern)?.test(a.text)) return fail("text");
  if (input.validate !== undefined) {
    const name = input.validate;
    if (!isValidator(name)) return fail("text");
    if (!VALIDATORS[name](a.text)) return fail(name);
  }
  return ok(a.text);
}
