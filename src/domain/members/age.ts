/**
 * Age eligibility: members must be 18 or older. A minor gets its own reason so the flow can
 * refuse kindly and discard everything collected. Dates are calendar dates (no time zone): the
 * caller supplies "today" in the organisation's zone, which keeps this pure and testable.
 */
import { accept, reject, type Checked } from "./result.js";
import { compactId } from "./text.js";

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}
export type AgeInput = { birthDate: CalendarDate } | { years: number };
export type AgeReason = "minor" | "invalid_date" | "future_date" | "implausible_age";

export const ADULT_AGE = 18;
const MAX_AGE = 120;

/** Completed years of age on `today`, checked for eligibility. */
export function checkAge(input: AgeInput, today: CalendarDate): Checked<{ years: number }, AgeReason> {
  let years: number;
  if ("birthDate" in input) {
    if (!isRealDate(input.birthDate)) return reject("invalid_date");
    if (compareDates(input.birthDate, today) > 0) return reject("future_date");
    years = completedYears(input.birthDate, today);
  } else {
    if (!Number.isInteger(input.years) || input.years < 0) return reject("implausible_age");
    years = input.years;
  }
  if (years > MAX_AGE) return reject("implausible_age");
  return years < ADULT_AGE ? reject("minor") : accept({ years });
}

/** Parses DD/MM/YYYY (also with - or .), or ISO YYYY-MM-DD, with Indic digits allowed. */
export function parseBirthDate(input: string): Checked<CalendarDate, "invalid_date"> {
  const text = compactId(input, /\s/gu);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const date = dmy
    ? { year: Number(dmy[3]), month: Number(dmy[2]), day: Number(dmy[1]) }
    : iso
      ? { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
      : undefined;
  return date && isRealDate(date) ? accept(date) : reject("invalid_date");
}

/** The calendar date of `instant` in `timeZone` (e.g. "Asia/Kolkata"). */
export function calendarDateIn(instant: Date, timeZone: string): CalendarDate {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return { year: part("year"), month: part("month"), day: part("day") };
}

function isRealDate({ year, month, day }: CalendarDate): boolean {
  if (![year, month, day].every(Number.isInteger) || year < 1800) return false;
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Someone born on 29 February turns a year older on 1 March in common years. */
function completedYears(birth: CalendarDate, today: CalendarDate): number {
  const hadBirthday = today.month > birth.month || (today.month === birth.month && today.day >= birth.day);
  return today.year - birth.year - (hadBirthday ? 0 : 1);
}
