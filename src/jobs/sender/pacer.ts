/**
 * Pacing for one channel identity, without I/O: a token bucket for the global rate, optionally a
 * hard cap on sends in any one-second window, a minimum interval per chat, and a pause (after a
 * 429) that stops everything until it lapses. Every method takes the current time in epoch ms, so
 * tests pin the clock.
 */
export interface PaceLimits {
  /** Sustained messages per second across all chats. */
  perSecond: number;
  /** Messages that may go back to back after an idle spell. */
  burst: number;
  /** Minimum gap between two messages to one chat. */
  perChatIntervalMs: number;
  /**
   * Sends in any one-second window at most. Without it a bucket's worst second is
   * `perSecond + burst`, so its burst must stay small, and a burst that small is used up (and
   * tokens lost) whenever the event loop stalls longer than it lasts. With the cap the burst can
   * be large enough to catch up after a stall while the window still never overruns the provider.
   */
  maxPerSecond?: number;
}

/** Chats remembered at most; older entries are dropped (their interval has long passed). */
const MAX_TRACKED_CHATS = 50_000;

export class Pacer {
  private tokens: number;
  private refilledAt: number;
  private pausedUntilMs = 0;
  private readonly chatReadyAt = new Map<string, number>();
  /** Times of the last `maxPerSecond` sends, a ring (oldest at `ringNext`) when the cap is set. */
  private readonly ring: number[];
  private ringNext = 0;

  constructor(private readonly limits: PaceLimits, now: number) {
    this.tokens = limits.burst;
    this.refilledAt = now;
    const cap = limits.maxPerSecond === undefined ? 0 : Math.max(1, Math.floor(limits.maxPerSecond));
    this.ring = new Array<number>(cap).fill(-Infinity);
  }

  /** Milliseconds until a message to `chat` may go; 0 means now. */
  waitMs(chat: string, now: number): number {
    const chatWait = (this.chatReadyAt.get(chat) ?? 0) - now;
    return Math.max(this.globalWaitMs(now), Math.ceil(chatWait));
  }

  /** Milliseconds until any message may go (rate, window cap and pause only); 0 means now. */
  globalWaitMs(now: number): number {
    this.refill(now);
    const tokenWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.limits.perSecond) * 1000;
    // The oldest of the last `cap` sends must have left the one-second window.
    const windowWait = this.ring.length === 0 ? 0 : (this.ring[this.ringNext] as number) + 1000 - now;
    return Math.ceil(Math.max(0, tokenWait, windowWait, this.pausedUntilMs - now));
  }

  /** Records a message to `chat` going out now. Call only when `waitMs` said 0. */
  take(chat: string, now: number): void {
    this.refill(now);
    this.tokens -= 1;
    if (this.ring.length > 0) {
      this.ring[this.ringNext] = now;
      this.ringNext = (this.ringNext + 1) % this.ring.length;
    }
    this.chatReadyAt.delete(chat); // re-insert so the Map's order is oldest-first for pruning
    this.chatReadyAt.set(chat, now + this.limits.perChatIntervalMs);
    if (this.chatReadyAt.size > MAX_TRACKED_CHATS) this.prune(now);
  }

  /** Stops all sending until `untilMs` (a provider's retry_after). Never shortens a longer pause. */
  pause(untilMs: number): void {
    this.pausedUntilMs = Math.max(this.pausedUntilMs, untilMs);
  }

  pausedUntil(): number {
    return this.pausedUntilMs;
  }

  private refill(now: number): void {
    const elapsed = Math.max(0, now - this.refilledAt) / 1000;
    this.tokens = Math.min(this.limits.burst, this.tokens + elapsed * this.limits.perSecond);
    this.refilledAt = now;
  }

  private prune(now: number): void {
    for (const [chat, readyAt] of this.chatReadyAt) {
      if (this.chatReadyAt.size <= MAX_TRACKED_CHATS && readyAt > now) break;
      if (readyAt <= now) this.chatReadyAt.delete(chat);
    }
  }
}
