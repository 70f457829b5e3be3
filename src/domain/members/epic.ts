/**
 * EPIC (Elector's Photo Identity Card) numbers, the Indian voter id.
 *
 * Modern cards: three letters (the ERO's "functional unique serial number") + seven digits.
 * Older cards: slash-separated state / AC / part / serial, e.g. `UP/01/234/1234567`.
 * ECI publishes no check-digit algorithm. python-stdnum (`stdnum.in_.epic`) treats the last digit
 * as a Luhn check over the six before it; other sources say there is no checksum. We therefore
 * run that Luhn test only as a heuristic: a mismatch adds a warning and never rejects.
 */
import { accept, reject, type Checked } from "./result.js";
import { compactId } from "./text.js";

export type EpicFormat = "modern" | "legacy";
export interface Epic {
  /** Normalized: `ABC1234567` or `UP/01/234/1234567`. */
  number: string;
  format: EpicFormat;
}
export type EpicReason = "empty" | "bad_format";
export type EpicWarning = "check_digit_mismatch" | "ambiguous_characters_corrected";

const MODERN = /^[A-Z]{3}\d{7}$/;
const LEGACY = /^[A-Z]{2}\/\d{2,3}\/\d{3}\/\d{6,7}$/;

/** Validates and normalizes a typed EPIC number (spaces, hyphens, case, Devanagari digits). */
export function validateEpic(input: string): Checked<Epic, EpicReason, EpicWarning> {
  const compact = compactId(input).replace(/\\/g, "/");
  if (compact === "") return reject("empty");
  if (LEGACY.test(compact)) return accept({ number: compact, format: "legacy" });
  const fixed = fixLookalikes(compact);
  if (!MODERN.test(fixed)) return reject("bad_format");
  const warnings: EpicWarning[] = [];
  if (fixed !== compact) warnings.push("ambiguous_characters_corrected");
  if (!luhnValid(fixed.slice(3))) warnings.push("check_digit_mismatch");
  return accept({ number: fixed, format: "modern" }, warnings);
}

/**
 * In a 10-character candidate, letters that look like digits in the digit part (O→0, I/L→1) and
 * digits that look like letters in the prefix (0→O, 1→I) are read as intended: cards are often
 * typed from smudged print.
 */
function fixLookalikes(candidate: string): string {
  if (candidate.length !== 10) return candidate;
  const prefix = candidate.slice(0, 3).replace(/0/g, "O").replace(/1/g, "I");
  const digits = candidate.slice(3).replace(/O/g, "0").replace(/[IL]/g, "1");
  return prefix + digits;
}

/** Luhn (mod 10) over a digit string whose last digit is the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
