/** Shared clean-up for typed identifiers: Indic digits → ASCII, NFC, upper case, separators gone. */
import { toAsciiDigits } from "../../engine/text/normalize.js";

/** Upper-cases, maps Indic digits to ASCII and removes whitespace and the characters in `drop`. */
export function compactId(input: string, drop: RegExp = /[\s\u200B-\u200D\uFEFF-]/gu): string {
  return toAsciiDigits(input.normalize("NFC")).toUpperCase().replace(drop, "");
}
