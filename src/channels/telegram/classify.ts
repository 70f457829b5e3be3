/**
 * Maps what grammY throws to a `SendFailure`. `GrammyError`: Telegram answered with an error code.
 * `HttpError`: the call itself failed; what matters is whether the request may have reached
 * Telegram (a timeout or abort after sending → ambiguous) or, as far as we can tell, did not
 * (refused, reset, an unparsable 5xx page → transient).
 */
import { GrammyError, HttpError } from "grammy";
import type { SendFailure } from "../channel.js";

/**
 * Network errors treated as "not delivered". A reset can in principle come after Telegram acted;
 * we accept that small risk because Telegram rows are resent on ambiguity anyway.
 */
const NOT_DELIVERED = new Set(["ECONNREFUSED", "ECONNRESET", "EPIPE", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

export function classifyTelegramError(error: unknown): SendFailure {
  if (error instanceof GrammyError) return fromApiError(error);
  if (error instanceof HttpError) return fromNetworkError(error.error);
  // Not a provider error: a bug on our side, which a retry would only repeat.
  return { kind: "invalid" };
}

function fromApiError(error: GrammyError): SendFailure {
  const code = error.error_code;
  if (code === 429) return { kind: "retry_after", seconds: Math.max(1, error.parameters.retry_after ?? 1) };
  // 403 covers "bot was blocked by the user", "user is deactivated", "bot can't initiate conversation".
  if (code === 403) return { kind: "blocked" };
  // 401/404 mean our token or API root is wrong: an operator fixes that, so keep the rows retrying.
  if (code >= 500 || code === 401 || code === 404) return { kind: "transient" };
  return { kind: "invalid" };
}

function fromNetworkError(cause: unknown): SendFailure {
  const { name, message, code, type } = (cause ?? {}) as { name?: string; message?: string; code?: string; type?: string };
  if (name === "AbortError" || /timed out/i.test(message ?? "")) return { kind: "ambiguous" };
  if (code !== undefined && NOT_DELIVERED.has(code)) return { kind: "transient" };
  // node-fetch: the server answered but not with JSON (a proxy's 502 page): it did not process it.
  if (type === "invalid-json") return { kind: "transient" };
  return { kind: "ambiguous" };
}
