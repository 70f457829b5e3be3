/**
 * Maps what a WhatsApp `send` throws to a `SendFailure`. Baileys fails with Boom errors (see
 * boom.ts); our own checks fail with `WhatsAppSendError`, which carries its verdict.
 */
import { DisconnectReason } from "@whiskeysockets/baileys";
import type { SendFailure } from "../channel.js";
import { readBoom, type BoomInfo } from "./boom.js";

/** A send refused before reaching WhatsApp (bad address, no open socket), with what it means. */
export class WhatsAppSendError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
  ) {
    super(message);
    this.name = "WhatsAppSendError";
  }
}

/** WhatsApp sends no retry hint with `rate-overlimit`; a minute is what its clients back off. */
export const RATE_LIMIT_PAUSE_SECONDS = 60;

/** WhatsApp's error code for a sender under a reach-out time lock (Baileys' `SenderReachoutTimelocked`). */
const REACHOUT_TIMELOCKED = 463;

/** Network error codes after which nothing can have reached WhatsApp. */
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function classifyWhatsAppError(error: unknown): SendFailure {
  if (error instanceof WhatsAppSendError) return error.failure;
  const boom = readBoom(error);
  if (boom) return fromBoom(boom);
  if (NOT_DELIVERED.has(networkCode(error) ?? "")) return { kind: "transient" };
  // Not a provider error: a bug on our side, which a retry would only repeat.
  return { kind: "invalid" };
}

function fromBoom(boom: BoomInfo): SendFailure {
  const code = boom.serverCode ?? boom.statusCode;
  if (code === 429 || /rate-overlimit/i.test(boom.message)) return { kind: "retry_after", seconds: RATE_LIMIT_PAUSE_SECONDS };
  // 463: the account is restricted (reach-out time lock); retrying counts as more reach-outs.
  if (code === REACHOUT_TIMELOCKED || /reachout|timelock/i.test(boom.message)) return { kind: "capped" };
  // Baileys fetching our own media URL: the recipient has nothing to do with it.
  if (boom.message.startsWith("Failed to fetch stream")) return code !== undefined && code >= 500 ? { kind: "transient" } : { kind: "invalid" };
  switch (code) {
    case DisconnectReason.timedOut:
      // The message node may have gone out before the wait for WhatsApp's answer ran out.
      return { kind: "ambiguous" };
    case DisconnectReason.connectionClosed:
      // Baileys checks the socket before writing: a closed socket sent nothing.
      return { kind: "transient" };
    case DisconnectReason.loggedOut:
      // The device was unlinked: no recipient is at fault; rows wait until an operator re-links.
      return { kind: "transient" };
    case 403:
      return { kind: "blocked" };
    case 400:
    case 404:
    case 406:
      return { kind: "invalid" };
    default:
      return code === undefined || code >= 500 ? { kind: "transient" } : { kind: "invalid" };
  }
}

function networkCode(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: { code?: unknown } };
  if (typeof code === "string") return code;
  return typeof cause?.code === "string" ? cause.code : undefined;
}
