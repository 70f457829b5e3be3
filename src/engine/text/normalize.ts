/**
 * Input normalization, applied before any validation or matching: NFC, Indic digits → ASCII,
 * zero-width and control characters removed, runs of whitespace collapsed.
 * (It lives in the engine, which may import nothing of ours; `src/i18n` re-exports it.)
 */

const ZERO_WIDTH = /[\u200B-\u200F\u2060-\u2064\uFEFF\u202A-\u202E\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Zero digits of Indic scripts commonly typed in India (Devanagari, Bengali, Gurmukhi, Gujarati, …). */
const DIGIT_ZEROS = [0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0be6, 0x0c66, 0x0ce6, 0x0d66];

/** Map a single Indic digit to ASCII, or return it unchanged. */
function asciiDigit(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  for (const zero of DIGIT_ZEROS) if (code >= zero && code <= zero + 9) return String(code - zero);
  return ch;
}

/** Indic digits → ASCII digits. */
export function toAsciiDigits(text: string): string {
  return text.replace(/[\u0966-\u096F\u09E6-\u09EF\u0A66-\u0A6F\u0AE6-\u0AEF\u0B66-\u0B6F\u0BE6-\u0BEF\u0C66-\u0C6F\u0CE6-\u0CEF\u0D66-\u0D6F]/g, asciiDigit);
}

/** Clean user text: NFC, ASCII digits, no zero-width/control chars, single spaces, trimmed. */
export function normalizeInput(text: string): string {
  return toAsciiDigits(text.normalize("NFC"))
    .replace(ZERO_WIDTH, "")
    .replace(CONTROL, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

const EDGE_PUNCT = new Set([..." .,!?।|\"'*_~-"]);
const FOLD_CACHE = new Map<string, string>();
const FOLD_CACHE_MAX = 5_000;

/** Drop punctuation and spaces at both ends (a loop: a regex anchored at `$` is quadratic on long junk). */
function trimPunct(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && EDGE_PUNCT.has(s[a] ?? "")) a++;
  while (b > a && EDGE_PUNCT.has(s[b - 1] ?? "")) b--;
  return s.slice(a, b);
}

function fold(text: string): string {
  const lower = normalizeInput(text).toLowerCase().normalize("NFD").replace(/\u093C/g, "").replace(/\u0901/g, "\u0902");
  return trimPunct(lower.normalize("NFC"));
}

/**
 * Fold for matching words: normalized, lower-cased, punctuation at the ends dropped, chandrabindu
 * folded to anusvara (हाँ = हां) and nukta dropped (ज़ = ज). Short strings are memoized (pure).
 */
export function foldForMatch(text: string): string {
  if (text.length > 64) return fold(text);
  const hit = FOLD_CACHE.get(text);
  if (hit !== undefined) return hit;
  const out = fold(text);
  if (FOLD_CACHE.size >= FOLD_CACHE_MAX) FOLD_CACHE.clear();
  FOLD_CACHE.set(text, out);
  return out;
}

/** The first word of a folded message. */
export function firstWord(folded: string): string {
  return folded.split(" ")[0] ?? "";
}
