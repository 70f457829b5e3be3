/**
 * Maps what a web `send` throws to a `SendFailure`. The web channel's provider is the store
 * itself (the web inbox), so its failures are the MongoDB driver's: the server refusing the
 * document (invalid), the server failing or unreachable (transient: nothing was written), and a
 * reply that never came in time (ambiguous: the write may have been applied). It has no rate
 * limits and nobody can block it. Our own checks fail with `WebSendError`, carrying the verdict.
 */
import mongoose from "mongoose";
import type { SendFailure } from "../channel.js";

const { MongoNetworkError, MongoNetworkTimeoutError, MongoServerError, MongoServerSelectionError, MongoWriteConcernError } = mongoose.mongo;

/** A send refused before reaching the store (not a web contact id, an empty part). */
export class WebSendError extends Error {
  constructor(
    message: string,
    readonly failure: SendFailure,
  ) {
    super(message);
    this.name = "WebSendError";
  }
}

/**
 * Server error codes that say the document itself is wrong: BadValue, FailedToParse,
 * TypeMismatch, DocumentValidationFailure, BSONObjectTooLarge. A retry would be refused again.
 */
const INVALID_CODES = new Set([2, 9, 14, 121, 10334]);

export function classifyWebError(error: unknown): SendFailure {
  if (error instanceof WebSendError) return error.failure;
  if (error instanceof mongoose.Error.ValidationError || error instanceof mongoose.Error.CastError) return { kind: "invalid" };
  // The server took the write but could not confirm it was replicated as asked.
  if (error instanceof MongoWriteConcernError) return { kind: "ambiguous" };
  // The command went out and no answer came before the socket timeout: it may have been applied.
  if (error instanceof MongoNetworkTimeoutError) return { kind: "ambiguous" };
  // Refused, reset, or no server to send to. A reset can in principle come after the server
  // applied the write; web rows are resent on ambiguity anyway, so the difference is one duplicate.
  if (error instanceof MongoNetworkError || error instanceof MongoServerSelectionError) return { kind: "transient" };
  // The server answered with an error, so nothing was written; a duplicate key (two first
  // messages racing to create a contact's inbox) succeeds on retry.
  if (error instanceof MongoServerError) return typeof error.code === "number" && INVALID_CODES.has(error.code) ? { kind: "invalid" } : { kind: "transient" };
  // Mongoose gave up waiting for a connection before sending anything.
  if (error instanceof mongoose.Error && /buffering timed out/.test(error.message)) return { kind: "transient" };
  // Not a store error: a bug on our side, which a retry would only repeat.
  return { kind: "invalid" };
}
