/** `date` input: dd/mm/yyyy (also - and .) or a day, a month name (Hindi or English) and a year. */
import { foldForMatch } from "../text/normalize.js";
import { fail, ok, type Answer, type InputResult } from "./answer.js";

const MONTHS: readonly (readonly string[])[] = [
  ["january", "jan", "जनवरी"],
  ["february", "feb", "फरवरी", "फ़रवरी"],
  ["march", "mar", "मार्च"],
  ["april", "apr", "अप्रैल", "अप्रेल"],
  ["may", "मई"],
  ["june", "jun", "जून"],
  ["july", "jul", "जुलाई"],
  ["august", "aug", "अगस्त"],
  ["september", "sep", "sept", "सितंबर", "सितम्बर"],
  ["october", "oct", "अक्टूबर", "अक्तूबर"],
  ["november", "nov", "नवंबर", "नवम्बर"],
  ["december", "dec", "दिसंबर", "दिसम्बर"],
];

const MONTH_BY_NAME: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((names, i) => names.map((n) => [foldForMatch(n), i + 1] as const)),
);

/** ISO `YYYY-MM-DD` if the parts form a real calendar date. */
function isoDate(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return dt.toISOString().slice(0, 10);
}

/** Parse a date written the Indian way; null if it is not one. */
export function parseDate(folded: string): string | null {
  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(folded);
  if (numeric) return isoDate(Number(numeric[3]), Number(numeric[2]), Number(numeric[1]));
  const words = folded.replace(/,/g, " ").split(/\s+/).filter(Boolean);
  if (words.length !== 3) return null;
  const [a = "", b = "", c = ""] = words;
  const dayFirst = MONTH_BY_NAME.get(b);
  if (dayFirst !== undefined && /^\d{1,2}$/.test(a) && /^\d{4}$/.test(c)) return isoDate(Number(c), dayFirst, Number(a));
  const monthFirst = MONTH_BY_NAME.get(a);
  if (monthFirst !== undefined && /^\d{1,2}$/.test(b) && /^\d{4}$/.test(c)) return isoDate(Number(c), monthFirst, Number(b));
  return null;
}

/** Validate a date; saves `YYYY-MM-DD`. */
export function validateDate(a: Answer): InputResult {
  const iso = a.kind === "text" ? parseDate(a.folded) : null;
  return iso === null ? fail("date") : ok(iso);
}
