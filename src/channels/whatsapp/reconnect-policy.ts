/**
 * What to do when the WhatsApp socket closes, from the disconnect status code alone. Pure:
 * randomness comes in, so the table is testable. Codes are Baileys' `DisconnectReason`s.
 */
import { DisconnectReason } from "@whiskeysockets/baileys";

export type ReconnectDecision =
  /** Reconnecting cannot help; an operator must act. */
  | { action: "stop"; reason: "logged_out" | "forbidden"; operatorMessage: string }
  | { action: "reconnect"; delayMs: number; reason: string };

export interface ReconnectSettings {
  /** First backoff step and cap of the exponential backoff. */
  baseMs: number;
  maxMs: number;
  /** Wait after another client took the session over (440), before trying to take it back. */
  replacedMs: number;
}

export const DEFAULT_RECONNECT: ReconnectSettings = { baseMs: 1000, maxMs: 5 * 60_000, replacedMs: 10 * 60_000 };

/**
 * `attempt` counts reconnects since the socket was last open (0 for the first). `random` is in
 * [0, 1). Backoff uses full jitter (a uniform delay up to the exponential step) so instances
 * restarting together do not reconnect in lockstep.
 */
export function decideReconnect(statusCode: number | undefined, attempt: number, random: () => number, settings: ReconnectSettings = DEFAULT_RECONNECT): ReconnectDecision {
  const backoff = (reason: string): ReconnectDecision => ({
    action: "reconnect",
    reason,
    delayMs: Math.floor(random() * Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(attempt, 30))),
  });
  switch (statusCode) {
    case DisconnectReason.loggedOut:
      return {
        action: "stop",
        reason: "logged_out",
        operatorMessage: "WhatsApp logged this device out (401): link the number again by QR code or pairing code, then restart",
      };
    case DisconnectReason.forbidden:
      // WhatsApp refuses a banned or locked number; hammering it with reconnects only makes that worse.
      return {
        action: "stop",
        reason: "forbidden",
        operatorMessage: "WhatsApp refused the connection (403): the number may be banned or locked — check it on the phone, then restart",
      };
    case DisconnectReason.connectionReplaced:
      // Another client opened this session. Taking it straight back would make the two fight.
      return { action: "reconnect", reason: "connection replaced (440)", delayMs: Math.floor(settings.replacedMs * (0.5 + random() / 2)) };
    case DisconnectReason.restartRequired:
      // Expected right after linking: WhatsApp wants a fresh connection with the new creds. A
      // repeated 515 without an open in between backs off like any other failure.
      return attempt === 0 ? { action: "reconnect", reason: "restart required (515)", delayMs: 0 } : backoff("restart required (515) again");
    default:
      return backoff(`connection closed (${statusCode ?? "no status"})`);
  }
}
