/** Numbers and dates rendered per language (Intl `hi-IN` / `en-IN`), Devanagari digits optional. */
import type { Lang } from "../engine/types.js";

/** Rendering options. */
export interface FormatOptions {
  /** Render Hindi with Devanagari digits (०१२…) instead of ASCII digits. */
  devanagariDigits?: boolean;
}

/** The Intl locale for a language. */
export function intlLocale(lang: Lang, opts: FormatOptions = {}): string {
  if (lang === "en") return "en-IN";
  return opts.devanagariDigits === true ? "hi-IN-u-nu-deva" : "hi-IN";
}

/** A number with Indian grouping (1,00,000), in the language's digits. */
export function formatNumber(n: number, lang: Lang, opts: FormatOptions = {}): string {
  return new Intl.NumberFormat(intlLocale(lang, opts)).format(n);
}

/** A date as day month year with the month name in the language (India time zone by default). */
export function formatDate(d: Date | string | number, lang: Lang, opts: FormatOptions & { timeZone?: string } = {}): string {
  const date = d instanceof Date ? d : new Date(d);
  if (Number.isNaN(date.getTime())) return "";
  return new Intl.DateTimeFormat(intlLocale(lang, opts), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: opts.timeZone ?? "Asia/Kolkata",
  }).format(date);
}
