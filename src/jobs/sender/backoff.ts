/**
 * Exponential backoff with full jitter (AWS Architecture Blog, "Exponential Backoff And Jitter"):
 * the delay is uniform in [0, min(cap, base · 2^(attempt-1))), so retries of many rows that failed
 * together spread out instead of hammering the provider in waves. `random` is injected for tests.
 */
export interface BackoffConfig {
  baseMs: number;
  maxMs: number;
}

/** Delay before retry number `attempt` (1 = the first retry). */
export function backoffDelayMs(attempt: number, config: BackoffConfig, random: () => number): number {
  const ceiling = Math.min(config.maxMs, config.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
