/** An inbound message prepared for validation, and the result of validating it. */
import type { InboundMessage, Json } from "../types.js";
import { foldForMatch, normalizeInput } from "../text/normalize.js";

/** What validators look at. */
export interface Answer {
  kind: InboundMessage["kind"];
  /** Normalized text (digits ASCII, spaces collapsed), original case. */
  text: string;
  /** Folded text for matching words (lower case, punctuation trimmed). */
  folded: string;
  message: InboundMessage;
}

/** Why an answer was refused; each reason has a message `errors.<reason>` in every locale. */
export const FAIL_REASONS = [
  "text", "too_short", "too_long", "person_name", "no_links", "integer", "number", "out_of_range",
  "age", "age_range", "yesno", "choice", "mobile", "epic", "pincode", "date", "photo", "location",
  "contact", "contact_not_own",
] as const;
/** A refusal reason. */
export type FailReason = (typeof FAIL_REASONS)[number];

/** The outcome of validating an answer; a failure's `reason` selects the message `errors.<reason>`. */
export type InputResult = { type: "ok"; value: Json } | { type: "fail"; reason: FailReason } | { type: "more" };

/** Prepare a message for validation. */
export function toAnswer(message: InboundMessage): Answer {
  const raw = message.text ?? "";
  return { kind: message.kind, text: normalizeInput(raw), folded: foldForMatch(raw), message };
}

/** A successful result. */
export const ok = (value: Json): InputResult => ({ type: "ok", value });
/** A failed result with the message key suffix. */
export const fail = (reason: FailReason): InputResult => ({ type: "fail", reason });
