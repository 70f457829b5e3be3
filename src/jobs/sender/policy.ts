/**
 * Per-channel sending policy: pace, retries, and what to do with a send that may or may not have
 * arrived. Telegram duplicates are harmless, so ambiguous sends are resent; WhatsApp bans numbers
 * that look like spam, so an ambiguous send is left for an operator rather than repeated.
 */
import type { BackoffConfig } from "./backoff.js";
import type { PaceLimits } from "./pacer.js";

export interface SendPolicy {
  pace: PaceLimits;
  backoff: BackoffConfig;
  /** Transient failures tolerated before a row is `failed`. */
  maxAttempts: number;
  resendAmbiguous: boolean;
  /**
   * Outreach (dialog and broadcast rows) sent per local day at most, counted from the outbox so
   * every instance sees the same figure. Replies to people who wrote to us are not capped.
   */
  dailyCap?: { limit: number; timezone: string };
  /** How long the whole identity stops after the provider says it is capped or restricted. */
  capCoolDownMs: number;
  /**
   * Mark each row in flight right before its provider call (default true), so a crash mid-send
   * leaves it recognisably "maybe delivered", and a row reclaimed meanwhile is not sent. The
   * write is worth it only where an interrupted send must not simply be repeated.
   */
  markInFlight?: boolean;
  /**
   * Whether the channel's contacts can block us (default true): rows of a contact flagged blocked
   * are then set aside unsent. A channel without blocking skips looking the flags up.
   */
  recipientsCanBlock?: boolean;
}

/**
 * Telegram allows ~30 msg/s per bot and 1/s per chat; stay a little under both. A token bucket lets
 * `burst + perSecond` through in any one second, so the burst stays small: 5 + 25 = 30.
 */
export const TELEGRAM_POLICY: SendPolicy = {
  pace: { perSecond: 25, burst: 5, perChatIntervalMs: 1100 },
  backoff: { baseMs: 1000, maxMs: 5 * 60_000 },
  maxAttempts: 8,
  resendAmbiguous: true,
  capCoolDownMs: 60 * 60_000,
};

/**
 * WhatsApp (Baileys): conservative, about 20 per minute and 1,000 outreach messages a day, and a
 * 12-hour stop when WhatsApp reports a reach-out time lock or message capping: a restricted
 * number that keeps sending is what gets banned.
 */
export const WHATSAPP_POLICY: SendPolicy = {
  pace: { perSecond: 1 / 3, burst: 1, perChatIntervalMs: 3000 },
  backoff: { baseMs: 5000, maxMs: 10 * 60_000 },
  maxAttempts: 5,
  resendAmbiguous: false,
  dailyCap: { limit: 1000, timezone: "Asia/Kolkata" },
  capCoolDownMs: 12 * 3600_000,
};

/**
 * The web simulator: no provider limits, so the pace is no limit at all (a million messages back
 * to back, which also holds under a pinned test clock that never refills a bucket), and the
 * dispatch tick is 1 ms, so replies show at once. A duplicate in
 * the simulator is harmless, so an ambiguous write is resent, and rows are not marked in flight
 * first: an interrupted send is simply repeated, and a reply shows one store write sooner.
 * Nobody can block the simulator, so no blocked flags are looked up either.
 */
export const WEB_POLICY: SendPolicy = {
  pace: { perSecond: 1_000_000_000, burst: 1_000_000, perChatIntervalMs: 0 },
  backoff: { baseMs: 200, maxMs: 10_000 },
  maxAttempts: 8,
  resendAmbiguous: true,
  capCoolDownMs: 60_000,
  markInFlight: false,
  recipientsCanBlock: false,
};

/**
 * A Telegram policy for a provider limit of `limitPerSecond` (a raised limit, a self-hosted Bot
 * API server, or the bench's fake). The window cap keeps every second 2 % under the limit, which
 * absorbs the jitter between our clock and the server's one-second windows (one 429 halts the
 * whole identity for at least a second); the bucket runs at that same rate with a burst of 20 ms
 * worth of sends, so a short stall of the event loop costs no throughput. A larger burst rode out
 * longer stalls but its bunched arrivals overran the provider's window: in `bench:broadcast` at
 * 1,000/s a 4 % burst drew 0–17 429s a run and 6–10 % drew 37–84 (docs/performance.md).
 */
export function telegramPolicyUnder(limitPerSecond: number): SendPolicy {
  const maxPerSecond = Math.max(1, Math.floor(limitPerSecond * 0.98));
  const burst = Math.max(1, Math.floor(maxPerSecond * 0.02));
  return { ...TELEGRAM_POLICY, pace: { ...TELEGRAM_POLICY.pace, perSecond: maxPerSecond, burst, maxPerSecond } };
}
