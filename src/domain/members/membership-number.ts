/**
 * Membership numbers: state prefix + zero-padded sequence + one check character, shown as
 * `UP-0001234-K`. The check character comes from an alphabet without 0/O/1/I/L so it cannot be
 * misread, and a weighted sum modulo 31 (prime) catches every single-character slip and every
 * swap of two neighbours. The parser forgives case, spaces, missing hyphens, Devanagari digits
 * and O/I/L typed for 0/1 in the digits.
 */
import { accept, reject, type Checked } from "./result.js";
import { compactId } from "./text.js";

export interface MembershipNumber {
  /** Two-letter state code, e.g. "UP". */
  state: string;
  sequence: number;
  /** Display form, e.g. "UP-0001234-K". */
  formatted: string;
  /** Without separators, e.g. "UP0001234K": used inside verification codes and URLs. */
  compact: string;
}
export type MembershipNumberReason = "empty" | "bad_format" | "bad_check_character";

const VALUE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const CHECK_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const MIN_DIGITS = 7;
const MAX_DIGITS = 9;

/** Builds the number for `state` and a positive integer `sequence`. Throws on a programming error. */
export function formatMembershipNumber(state: string, sequence: number): MembershipNumber {
  if (!/^[A-Z]{2}$/.test(state)) throw new RangeError(`state code must be two capital letters: ${state}`);
  if (!Number.isSafeInteger(sequence) || sequence < 1 || String(sequence).length > MAX_DIGITS) {
    throw new RangeError(`sequence out of range: ${sequence}`);
  }
  const digits = String(sequence).padStart(MIN_DIGITS, "0");
  const check = checkCharacter(state + digits);
  return { state, sequence, formatted: `${state}-${digits}-${check}`, compact: `${state}${digits}${check}` };
}

/** Parses a typed membership number and verifies its check character. */
export function parseMembershipNumber(input: string): Checked<MembershipNumber, MembershipNumberReason> {
  const compact = compactId(input, /[\s\u200B-\u200D\uFEFF/._-]/gu);
  if (compact === "") return reject("empty");
  const match = /^([A-Z]{2})([0-9OIL]{7,9})([0-9A-Z])$/.exec(compact);
  if (!match) return reject("bad_format");
  const [, state = "", typedDigits = "", check = ""] = match;
  const digits = typedDigits.replace(/O/g, "0").replace(/[IL]/g, "1");
  const sequence = Number(digits);
  // Only the canonical padding is a valid number: "UP00012345…" and "UP0012345…" must not both exist.
  if (sequence < 1 || String(sequence).padStart(MIN_DIGITS, "0") !== digits) return reject("bad_format");
  const canonical = formatMembershipNumber(state, sequence);
  return canonical.compact.endsWith(check) ? accept(canonical) : reject("bad_check_character");
}

/** Weighted sum (weights 1, 2, 3, …) of base-36 character values, modulo 31. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += VALUE_ALPHABET.indexOf(body.charAt(i)) * (i + 1);
  return CHECK_ALPHABET.charAt(sum % CHECK_ALPHABET.length);
}
