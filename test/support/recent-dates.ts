/**
 * Pinned test dates moved forward by whole days to the last 24 hours. The embedded store sweeps
 * TTL indexes on the real clock, so documents stamped with a date pinned weeks ago (inbound
 * events, one-time codes) would be deleted in the middle of a test. Whole days keep the time of
 * day, so quiet-hours tests still mean what they say.
 */
const DAY_MS = 86_400_000;

/** Returns `at(iso)`: the date `iso`, shifted as `reference` is shifted to within the last day. */
export function recentDates(reference: string): (iso: string) => Date {
  const ref = new Date(reference).getTime();
  const offset = Math.max(0, Math.floor((Date.now() - ref) / DAY_MS)) * DAY_MS;
  return (iso) => new Date(new Date(iso).getTime() + offset);
}
