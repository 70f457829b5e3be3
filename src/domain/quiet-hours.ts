/**
 * Quiet hours: the bot starts no conversation at night (default 22:00–06:00 in Asia/Kolkata).
 * Pure functions of a time and the window; the window may wrap past midnight.
 */
export interface QuietHours {
  /** "HH:MM", 24-hour, local to `timezone`. */
  start: string;
  end: string;
  timezone: string;
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Minutes since local midnight of `at` in `timezone`. */
function localMinutes(at: Date, timezone: string): number {
  const parts = new Intl.DateTimeFormat("en-GB", { timeZone: timezone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return get("hour") * 60 + get("minute");
}

export function isQuiet(at: Date, window: QuietHours): boolean {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  if (start === end) return false;
  const now = localMinutes(at, window.timezone);
  return start < end ? now >= start && now < end : now >= start || now < end;
}

/** The first moment at or after `at` that is outside quiet hours. */
export function quietHoursEnd(at: Date, window: QuietHours): Date {
  if (!isQuiet(at, window)) return at;
  const now = localMinutes(at, window.timezone);
  const end = minutesOf(window.end);
  const minutesLeft = (end - now + 24 * 60) % (24 * 60);
  const next = new Date(at.getTime() + minutesLeft * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}
