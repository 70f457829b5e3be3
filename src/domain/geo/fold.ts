/**
 * Folding of place names for matching what people type: "Sarojini Nagar", "sarojni nagar" and
 * "Sarojininagar"; "लखनऊ पश्चिम" and "लखनउ पश्चिम". Spaces and punctuation go, Latin accents and
 * case go, doubled letters collapse (Kaa/Ka, Talaab/Talab), the Devanagari nukta goes and
 * chandrabindu becomes anusvara, and long vowel signs become short (ई/इ, ऊ/उ), the commonest
 * Hindi spelling variation. What remains is compared with an edit distance (fuzzy.ts).
 */
import { toAsciiDigits } from "../../engine/text/normalize.js";

const LONG_TO_SHORT: Record<string, string> = {
  "\u0940": "\u093F", // ी → ि
  "\u0942": "\u0941", // ू → ु
  "\u0908": "\u0907", // ई → इ
  "\u090A": "\u0909", // ऊ → उ
};

export function foldName(text: string): string {
  return toAsciiDigits(text)
    .normalize("NFD")
    .toLowerCase()
    .replace(/[\u0300-\u036F\u093C]/g, "") // Latin combining accents; Devanagari nukta
    .replace(/\u0901/g, "\u0902")
    .replace(/[\u0940\u0942\u0908\u090A]/g, (ch) => LONG_TO_SHORT[ch] ?? ch)
    .replace(/[^\p{L}\p{M}\p{N}]/gu, "")
    .replace(/(\p{L})\1+/gu, "$1")
    .normalize("NFC");
}
