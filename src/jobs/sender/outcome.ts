/**
 * What a failed send means for its outbox row, as a pure function of the failure, the row's
 * attempts, the policy and the time: the sender only carries the decision out.
 */
import type { SendFailure } from "../../channels/channel.js";
import { assertNever } from "../../util/assert-never.js";
import { backoffDelayMs } from "./backoff.js";
import type { SendPolicy } from "./policy.js";

export type RowDecision =
  /**
   * Try again at `notBefore`; `pauseUntil` also halts the whole channel identity (a 429), and
   * `tripBreaker` makes that halt durable and shared (the identity is capped).
   */
  | { state: "queued"; notBefore: Date; attempts: number; lastError: string; pauseUntil?: Date; tripBreaker?: boolean }
  | { state: "failed" | "blocked" | "ambiguous"; attempts: number; lastError: string; blockContact: boolean };

export function decideAfterFailure(failure: SendFailure, attempts: number, policy: SendPolicy, now: Date, random: () => number): RowDecision {
  const tried = attempts + 1;
  switch (failure.kind) {
    case "retry_after": {
      // Telegram's flood wait is not the row's fault: it does not count against maxAttempts.
      const until = new Date(now.getTime() + failure.seconds * 1000);
      return { state: "queued", notBefore: until, attempts, lastError: `retry_after ${failure.seconds}s`, pauseUntil: until };
    }
    case "capped": {
      // Neither the row's fault: keep its attempts, hold everything for the cool-down.
      const until = new Date(now.getTime() + (failure.seconds !== undefined ? failure.seconds * 1000 : policy.capCoolDownMs));
      return { state: "queued", notBefore: until, attempts, lastError: "identity capped by the provider", pauseUntil: until, tripBreaker: true };
    }
    case "transient":
      return retryOrFail(tried, policy, now, random, "transient");
    case "ambiguous":
      return policy.resendAmbiguous
        ? retryOrFail(tried, policy, now, random, "ambiguous")
        : { state: "ambiguous", attempts: tried, lastError: "ambiguous: may have been delivered", blockContact: false };
    case "blocked":
      return { state: "blocked", attempts: tried, lastError: "blocked by the recipient", blockContact: true };
    case "invalid":
      return { state: "failed", attempts: tried, lastError: "invalid request", blockContact: false };
    default:
      return assertNever(failure);
  }
}

function retryOrFail(tried: number, policy: SendPolicy, now: Date, random: () => number, why: string): RowDecision {
  if (tried >= policy.maxAttempts) return { state: "failed", attempts: tried, lastError: `${why}: gave up after ${tried} attempts`, blockContact: false };
  const delay = backoffDelayMs(tried, policy.backoff, random);
  return { state: "queued", notBefore: new Date(now.getTime() + delay), attempts: tried, lastError: why };
}
