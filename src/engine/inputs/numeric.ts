/** `integer`, `number` and `age` inputs. */
import type { Input } from "../schema/index.js";
import { fail, ok, type Answer, type InputResult } from "./answer.js";

const AGE_WORDS = "(?:years?|yrs?|saal|sal|साल|वर्ष|बरस|वरस)";

function inRange(n: number, min: number | undefined, max: number | undefined): boolean {
  return (min === undefined || n >= min) && (max === undefined || n <= max);
}

/** A number with optional thousands separators (`1,000`). */
function parseNumber(text: string, integer: boolean): number | null {
  const t = text.replace(/(?<=\d),(?=\d{2,3}\b)/g, "");
  const re = integer ? /^-?\d{1,15}$/ : /^-?\d{1,15}(\.\d{1,10})?$/;
  return re.test(t) ? Number(t) : null;
}

/** Validate an integer or a number within an optional range. */
export function validateNumeric(input: Extract<Input, { type: "integer" | "number" }>, a: Answer): InputResult {
  const n = a.kind === "text" ? parseNumber(a.text, input.type === "integer") : null;
  if (n === null) return fail(input.type);
  return inRange(n, input.min, input.max) ? ok(n) : fail("out_of_range");
}

/** Validate an age in years ("25", "25 saal", "२५ वर्ष"); default range 1–120. */
export function validateAge(input: Extract<Input, { type: "age" }>, a: Answer): InputResult {
  const m = a.kind === "text" ? new RegExp(`^(\\d{1,3})\\s*${AGE_WORDS}?$`, "u").exec(a.folded) : null;
  if (m === null) return fail("age");
  const n = Number(m[1]);
  return inRange(n, input.min ?? 1, input.max ?? 120) ? ok(n) : fail("age_range");
}
