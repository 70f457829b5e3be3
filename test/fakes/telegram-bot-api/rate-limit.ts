/**
 * Sliding one-second windows, as Telegram enforces them: about 30 messages per second per bot and
 * one per second per chat. A refused call is not counted. `retry_after` is whole seconds (>= 1).
 */
export interface RateLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
}

const WINDOW_MS = 1000;

export class SlidingWindowLimiter {
  private readonly global: number[] = [];
  private readonly chats = new Map<string, number[]>();

  constructor(public limits: RateLimits) {}

  /** Seconds to wait, or 0 when a message to `chat` may go now (and is then counted). */
  take(chat: string, now: number): number {
    const chatWindow = this.chats.get(chat) ?? [];
    prune(this.global, now);
    prune(chatWindow, now);
    const waits = [waitFor(this.global, this.limits.globalPerSecond, now), waitFor(chatWindow, this.limits.perChatPerSecond, now)];
    const wait = Math.max(...waits);
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    this.global.push(now);
    chatWindow.push(now);
    this.chats.set(chat, chatWindow);
    return 0;
  }
}

function prune(window: number[], now: number): void {
  while (window.length > 0 && (window[0] ?? 0) <= now - WINDOW_MS) window.shift();
}

function waitFor(window: number[], limit: number, now: number): number {
  if (window.length < limit) return 0;
  const oldest = window[window.length - limit] ?? now;
  return oldest + WINDOW_MS - now;
}
