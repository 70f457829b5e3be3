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
};

/** WhatsApp (Baileys): conservative, about 20 per minute. */
export const WHATSAPP_POLICY: SendPolicy = {
  pace: { perSecond: 1 / 3, burst: 1, perChatIntervalMs: 3000 },
  backoff: { baseMs: 5000, maxMs: 10 * 60_000 },
  maxAttempts: 5,
  resendAmbiguous: false,
};
