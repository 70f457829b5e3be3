/** Pure pacing, backoff and failure decisions, on a pinned clock and a pinned random source. */
import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "../../../src/jobs/sender/backoff.js";
import { decideAfterFailure } from "../../../src/jobs/sender/outcome.js";
import { Pacer } from "../../../src/jobs/sender/pacer.js";
import { TELEGRAM_POLICY, WHATSAPP_POLICY } from "../../../src/jobs/sender/policy.js";

const T0 = Date.UTC(2026, 0, 1, 10, 0, 0);

describe("Pacer", () => {
  it("lets a burst go, then one message per 1/rate seconds", () => {
    const pacer = new Pacer({ perSecond: 25, burst: 3, perChatIntervalMs: 1100 }, T0);
    for (const chat of ["a", "b", "c"]) {
      expect(pacer.waitMs(chat, T0)).toBe(0);
      pacer.take(chat, T0);
    }
    expect(pacer.waitMs("d", T0)).toBe(40); // 1 token / 25 per s
    expect(pacer.waitMs("d", T0 + 40)).toBe(0);
  });

  it("keeps at least the per-chat interval between two messages to one chat", () => {
    const pacer = new Pacer({ perSecond: 25, burst: 25, perChatIntervalMs: 1100 }, T0);
    pacer.take("a", T0);
    expect(pacer.waitMs("a", T0 + 100)).toBe(1000);
    expect(pacer.waitMs("b", T0 + 100)).toBe(0);
    expect(pacer.waitMs("a", T0 + 1100)).toBe(0);
  });

  it("holds everything during a pause and never shortens a longer one", () => {
    const pacer = new Pacer({ perSecond: 25, burst: 25, perChatIntervalMs: 1100 }, T0);
    pacer.pause(T0 + 5000);
    pacer.pause(T0 + 2000);
    expect(pacer.waitMs("x", T0)).toBe(5000);
    expect(pacer.waitMs("x", T0 + 5000)).toBe(0);
  });

  it("sustains the configured rate over a minute", () => {
    const pacer = new Pacer({ perSecond: 25, burst: 25, perChatIntervalMs: 1100 }, T0);
    let now = T0;
    let sent = 0;
    while (now < T0 + 60_000) {
      const wait = pacer.waitMs(`chat-${sent}`, now);
      if (wait === 0) {
        pacer.take(`chat-${sent}`, now);
        sent++;
      } else now += wait;
    }
    expect(sent).toBeGreaterThanOrEqual(25 * 60);
    expect(sent).toBeLessThanOrEqual(25 * 60 + 25);
  });
});

describe("backoffDelayMs (full jitter)", () => {
  const config = { baseMs: 1000, maxMs: 60_000 };
  it("is uniform below base·2^(attempt-1), capped", () => {
    expect(backoffDelayMs(1, config, () => 0.999)).toBe(999);
    expect(backoffDelayMs(3, config, () => 0.5)).toBe(2000);
    expect(backoffDelayMs(20, config, () => 0.5)).toBe(30_000);
    expect(backoffDelayMs(4, config, () => 0)).toBe(0);
  });
});

describe("decideAfterFailure", () => {
  const now = new Date(T0);
  const half = () => 0.5;

  it("requeues after retry_after and pauses the identity, without spending an attempt", () => {
    expect(decideAfterFailure({ kind: "retry_after", seconds: 7 }, 2, TELEGRAM_POLICY, now, half)).toEqual({
      state: "queued", notBefore: new Date(T0 + 7000), attempts: 2, lastError: "retry_after 7s", pauseUntil: new Date(T0 + 7000),
    });
  });

  it("retries transient failures with jittered backoff until maxAttempts, then fails", () => {
    expect(decideAfterFailure({ kind: "transient" }, 2, TELEGRAM_POLICY, now, half)).toMatchObject({ state: "queued", attempts: 3, notBefore: new Date(T0 + 2000) });
    expect(decideAfterFailure({ kind: "transient" }, TELEGRAM_POLICY.maxAttempts - 1, TELEGRAM_POLICY, now, half)).toMatchObject({ state: "failed" });
  });

  it("resends ambiguous sends on Telegram but not on WhatsApp", () => {
    expect(decideAfterFailure({ kind: "ambiguous" }, 0, TELEGRAM_POLICY, now, half)).toMatchObject({ state: "queued" });
    expect(decideAfterFailure({ kind: "ambiguous" }, 0, WHATSAPP_POLICY, now, half)).toMatchObject({ state: "ambiguous" });
  });

  it("makes blocked and invalid terminal; only blocked flags the contact", () => {
    expect(decideAfterFailure({ kind: "blocked" }, 0, TELEGRAM_POLICY, now, half)).toMatchObject({ state: "blocked", blockContact: true });
    expect(decideAfterFailure({ kind: "invalid" }, 0, TELEGRAM_POLICY, now, half)).toMatchObject({ state: "failed", blockContact: false });
  });
});
