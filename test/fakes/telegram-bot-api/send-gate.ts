/**
 * What stands between a message method and its result in the fake: injected faults, a flood wait,
 * chats that blocked the bot, and the rate limiter — in the order Telegram would hit them.
 */
import { SlidingWindowLimiter, type RateLimits } from "./rate-limit.js";

/** An error answer in the Bot API's envelope. */
export class ApiError extends Error {
  constructor(readonly code: number, description: string, readonly parameters?: { retry_after: number }) {
    super(description);
  }
}

/** A fault for the next message-method calls (sendMessage & co), consumed one per call. */
export type Fault =
  | { type: "status"; status: number; description?: string }
  /** A proxy's error page instead of JSON (Telegram's front end does this for 502/504). */
  | { type: "html"; status: number }
  /** Destroys the connection before anything is sent: the client sees ECONNRESET. */
  | { type: "reset" }
  /** Performs the send, then answers only after `ms`: a client timeout makes it ambiguous. */
  | { type: "delay"; ms: number };

export const DEFAULT_LIMITS: RateLimits = { globalPerSecond: 30, perChatPerSecond: 1 };

export class SendGate {
  readonly limiter: SlidingWindowLimiter;
  private readonly faults: Fault[] = [];
  private readonly blocked = new Set<string>();
  private floodUntil = 0;

  constructor(limits: Partial<RateLimits> = {}) {
    this.limiter = new SlidingWindowLimiter({ ...DEFAULT_LIMITS, ...limits });
  }

  inject(faults: Fault[]): void {
    this.faults.push(...faults);
  }

  nextFault(): Fault | undefined {
    return this.faults.shift();
  }

  block(chat: string, on: boolean): void {
    if (on) this.blocked.add(chat);
    else this.blocked.delete(chat);
  }

  flood(seconds: number, now: number): void {
    this.floodUntil = now + seconds * 1000;
  }

  /** Throws the error Telegram would answer for a message to `chat` now; counts it when it may go. */
  admit(chat: string, now: number): void {
    if (now < this.floodUntil) throw tooMany(Math.ceil((this.floodUntil - now) / 1000));
    if (this.blocked.has(chat)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
    const wait = this.limiter.take(chat, now);
    if (wait > 0) throw tooMany(wait);
  }
}

function tooMany(seconds: number): ApiError {
  return new ApiError(429, `Too Many Requests: retry after ${seconds}`, { retry_after: seconds });
}
