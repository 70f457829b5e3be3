/**
 * Indian mobile numbers → E.164 (`+91` + ten digits starting 6–9). Accepts the prefixes people
 * type (0, 91, +91, 0091), spaces, hyphens, brackets and Devanagari digits.
 */
import { accept, reject, type Checked } from "./result.js";
import { compactId } from "./text.js";

export type PhoneReason = "empty" | "bad_characters" | "bad_length" | "not_indian" | "not_mobile";

/** Normalizes an Indian mobile number to E.164, e.g. "०९८७६ ५४३२१०" → "+919876543210". */
export function normalizeIndianMobile(input: string): Checked<string, PhoneReason> {
  const compact = compactId(input, /[\s\u200B-\u200D\uFEFF().-]/gu);
  if (compact === "") return reject("empty");
  if (!/^\+?\d+$/.test(compact)) return reject("bad_characters");
  if (compact.startsWith("+") && !compact.startsWith("+91")) return reject("not_indian");
  const national = stripPrefix(compact);
  if (national.length !== 10) return reject("bad_length");
  if (!/^[6-9]/.test(national)) return reject("not_mobile");
  return accept(`+91${national}`);
}

/** Drops the trunk or country prefix; 91 and 0 count as prefixes only when ten digits follow. */
function stripPrefix(compact: string): string {
  if (compact.startsWith("+91")) return compact.slice(3);
  if (compact.startsWith("0091")) return compact.slice(4);
  if (compact.length === 12 && compact.startsWith("91")) return compact.slice(2);
  if (compact.length === 11 && compact.startsWith("0")) return compact.slice(1);
  return compact;
}
