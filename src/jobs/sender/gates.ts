/**
 * Which lanes may be sent now, as pure functions: quiet hours hold outreach (dialog, broadcast)
 * but never an answer to someone who just wrote; the daily cap limits outreach per local day.
 */
import { isQuiet, quietHoursEnd, type QuietHours } from "../../domain/quiet-hours.js";
import type { OutboxDoc } from "../../store/models/runtime-models.js";

export type Lane = OutboxDoc["lane"];

/** Lanes that start a conversation: held in quiet hours and counted against a daily cap. */
export const OUTREACH_LANES: readonly Lane[] = ["dialog", "broadcast"];

export const isOutreach = (lane: Lane): boolean => lane !== "reply";

/** When outreach may resume, or null when it may go now. */
export function quietUntil(now: Date, quietHours: QuietHours | undefined): Date | null {
  if (!quietHours || !isQuiet(now, quietHours)) return null;
  return quietHoursEnd(now, quietHours);
}

/** Local midnight (in `timezone`) at or before `at`. */
export function localDayStart(at: Date, timezone: string): Date {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const localAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  const offsetMs = localAsUtc - Math.floor(at.getTime() / 1000) * 1000;
  return new Date(Date.UTC(get("year"), get("month") - 1, get("day")) - offsetMs);
}

/** The next local midnight after `at` (zones without DST, as India; a DST day is an hour off). */
export function nextLocalDayStart(at: Date, timezone: string): Date {
  return new Date(localDayStart(at, timezone).getTime() + 24 * 3600_000);
}

/**
 * Outreach rows that may still be claimed today: the cap less what is recorded as sent today and
 * what this sender holds or has sent without recording yet (`held`).
 */
export function outreachAllowance(limit: number, sentToday: number, held: number): number {
  return Math.max(0, limit - sentToday - held);
}
