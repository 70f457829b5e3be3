/** Indian postal PIN codes: six digits, the first 1–9 (it names the postal zone; 0 is unused). */
import { accept, reject, type Checked } from "./result.js";
import { compactId } from "./text.js";

export type PinCodeReason = "empty" | "bad_format";

export function validatePinCode(input: string): Checked<string, PinCodeReason> {
  const compact = compactId(input);
  if (compact === "") return reject("empty");
  return /^[1-9]\d{5}$/.test(compact) ? accept(compact) : reject("bad_format");
}
