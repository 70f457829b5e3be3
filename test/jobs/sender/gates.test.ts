/** Quiet hours, the daily cap, the capped breaker decision and dispatch selection: pure, pinned clock and random. */
import { describe, expect, it } from "vitest";
import { isOutreach, localDayStart, nextLocalDayStart, outreachAllowance, quietUntil } from "../../../src/jobs/sender/gates.js";
import { decideAfterFailure } from "../../../src/jobs/sender/outcome.js";
import { Pacer } from "../../../src/jobs/sender/pacer.js";
import { TELEGRAM_POLICY, WHATSAPP_POLICY, telegramPolicyUnder } from "../../../src/jobs/sender/policy.js";
import { selectReady } from "../../../src/jobs/sender/select-ready.js";
import type { OutboxDoc } from "../../../src/store/models/runtime-models.js";

const QUIET = { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" };
/** 23:00 IST on 1 Jan 2026. */
const NIGHT = new Date("2026-01-01T17:30:00Z");

describe("quiet hours in the sender", () => {
  it("holds outreach until quiet hours end, and nothing outside them", () => {
    expect(quietUntil(NIGHT, QUIET)).toEqual(new Date("2026-01-02T00:30:00Z")); // 06:00 IST
    expect(quietUntil(new Date("2026-01-01T06:30:00Z"), QUIET)).toBeNull(); // 12:00 IST
    expect(quietUntil(NIGHT, undefined)).toBeNull();
  });

  it("treats dialog and broadcast as outreach, never a reply", () => {
    expect(["reply", "dialog", "broadcast"].map((l) => isOutreach(l as OutboxDoc["lane"]))).toEqual([false, true, true]);
  });
});

describe("daily cap", () => {
  it("counts days from local midnight", () => {
    expect(localDayStart(NIGHT, "Asia/Kolkata")).toEqual(new Date("2025-12-31T18:30:00Z"));
    expect(nextLocalDayStart(NIGHT, "Asia/Kolkata")).toEqual(new Date("2026-01-01T18:30:00Z"));
    expect(localDayStart(new Date("2026-01-01T18:29:59Z"), "UTC")).toEqual(new Date("2026-01-01T00:00:00Z"));
  });

  it("allows what is left after recorded and held sends, never below zero", () => {
    expect(outreachAllowance(1000, 900, 40)).toBe(60);
    expect(outreachAllowance(1000, 990, 40)).toBe(0);
  });

  it("is on for WhatsApp, off for Telegram", () => {
    expect(WHATSAPP_POLICY.dailyCap?.limit).toBeGreaterThan(0);
    expect(TELEGRAM_POLICY.dailyCap).toBeUndefined();
  });
});

describe("capped identity (breaker)", () => {
  const now = new Date(Date.UTC(2026, 0, 1, 10));
  it("requeues without spending an attempt and trips the breaker for the policy's cool-down", () => {
    const until = new Date(now.getTime() + WHATSAPP_POLICY.capCoolDownMs);
    expect(decideAfterFailure({ kind: "capped" }, 2, WHATSAPP_POLICY, now, () => 0.5)).toEqual({
      state: "queued", notBefore: until, attempts: 2, lastError: "identity capped by the provider", pauseUntil: until, tripBreaker: true,
    });
  });

  it("uses the provider's own end of the restriction when it gives one", () => {
    expect(decideAfterFailure({ kind: "capped", seconds: 90 }, 0, WHATSAPP_POLICY, now, () => 0.5)).toMatchObject({ pauseUntil: new Date(now.getTime() + 90_000) });
  });
});

describe("telegramPolicyUnder", () => {
  it("caps every second 2 % under the provider's limit and still paces at that cap", () => {
    const { pace } = telegramPolicyUnder(1000);
    expect(pace.maxPerSecond).toBe(980);
    expect(pace.perSecond).toBe(980);
    expect(pace.burst).toBeGreaterThanOrEqual(19); // ≥ 19 ms of sends to catch up after a stall
  });

  it("never lets more than the cap into any one-second window, however the loop stalls", () => {
    const { pace } = telegramPolicyUnder(1000);
    const pacer = new Pacer(pace, 0);
    const sends: number[] = [];
    let now = 0;
    let stall = 0;
    while (now < 10_000) {
      // Ticks every 5 ms, with a 20 ms stall every 200 ms.
      now += ++stall % 40 === 0 ? 20 : 5;
      while (pacer.globalWaitMs(now) === 0) {
        pacer.take(`chat${sends.length}`, now);
        sends.push(now);
      }
    }
    let worst = 0;
    for (let i = 0, j = 0; i < sends.length; i++) {
      while ((sends[i] as number) - (sends[j] as number) >= 1000) j++;
      worst = Math.max(worst, i - j + 1);
    }
    expect(worst).toBeLessThanOrEqual(980);
    // The catch-up burst keeps the achieved rate at the cap despite the stalls.
    expect(sends.length / 10).toBeGreaterThanOrEqual(0.97 * 980);
  });
});

describe("selectReady", () => {
  const T0 = Date.UTC(2026, 0, 1, 10);
  let n = 0;
  const row = (contactKey: string, lane: OutboxDoc["lane"] = "broadcast"): OutboxDoc =>
    ({ _id: `r${++n}`, contactKey, recipient: contactKey, lane, channel: "telegram", payload: {}, seq: n, state: "leased", notBefore: new Date(T0), attempts: 0, createdAt: new Date(T0) }) as OutboxDoc;
  const base = { now: T0, busyContacts: new Set<string>(), outreachHeld: false, idleMs: 500 };

  it("starts rows in order up to the free slots, one per contact, and keeps the rest in order", () => {
    const pacer = new Pacer({ perSecond: 100, burst: 10, perChatIntervalMs: 1000 }, T0);
    const queue = [row("a"), row("a"), row("b"), row("c"), row("d")];
    const picked = selectReady(queue, { ...base, pacer, slots: 2 });
    expect(picked.ready.map((r) => r.contactKey)).toEqual(["a", "b"]);
    expect(picked.waiting.map((r) => r._id)).toEqual([queue[1], queue[3], queue[4]].map((r) => r!._id));
  });

  it("stops at the pacer's limit and says when the next token comes", () => {
    const pacer = new Pacer({ perSecond: 100, burst: 2, perChatIntervalMs: 1000 }, T0);
    const picked = selectReady([row("a"), row("b"), row("c"), row("d")], { ...base, pacer, slots: 10 });
    expect(picked.ready).toHaveLength(2);
    expect(picked.waiting).toHaveLength(2);
    expect(picked.waitMs).toBe(10);
  });

  it("sets outreach aside in quiet hours but still starts replies", () => {
    const pacer = new Pacer({ perSecond: 100, burst: 10, perChatIntervalMs: 1000 }, T0);
    const picked = selectReady([row("a", "broadcast"), row("b", "reply"), row("c", "dialog")], { ...base, pacer, slots: 10, outreachHeld: true });
    expect(picked.ready.map((r) => r.lane)).toEqual(["reply"]);
    expect(picked.held.map((r) => r.lane)).toEqual(["broadcast", "dialog"]);
  });
});
