/**
 * Quiet hours, the daily cap, the breaker, fan-out and per-channel counts through the real sender,
 * store and fake Bot API, on a pinned clock the test moves by hand.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Channel } from "../../../src/channels/channel.js";
import { breakerUntil } from "../../../src/jobs/sender/breaker.js";
import { broadcastRowId, fanOutBroadcast } from "../../../src/jobs/sender/broadcast-fan-out.js";
import { outboxCountsByChannel } from "../../../src/jobs/sender/outbox-counts.js";
import { TELEGRAM_POLICY, type SendPolicy } from "../../../src/jobs/sender/policy.js";
import { createOutboxSender, type OutboxSender } from "../../../src/jobs/sender/sender.js";
import { queueRow, rowOf, startSenderWorld, type SenderWorld } from "./setup.js";

let w: SenderWorld;
let senders: OutboxSender[] = [];
let chat = 50_000;
let clock = new Date("2026-01-01T17:30:00Z"); // 23:00 IST
const QUIET = { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" };

beforeAll(async () => (w = await startSenderWorld()));
afterAll(() => w.close());
afterEach(async () => {
  await Promise.all(senders.map((s) => s.stop()));
  senders = [];
  await w.models.outbox.deleteMany({});
  await w.models.locks.deleteMany({});
});

function startSender(policy: SendPolicy, extra: { channel?: Channel; quiet?: boolean } = {}): OutboxSender {
  const sender = createOutboxSender({
    models: w.models, channel: extra.channel ?? w.channel, policy, owner: `gates-${senders.length}`, now: () => clock, random: () => 0, log: w.logs.log, idleMs: 30,
    ...(extra.quiet ? { quietHours: QUIET } : {}),
  });
  senders.push(sender);
  sender.start();
  return sender;
}

const queue = (lane: "reply" | "dialog" | "broadcast") => queueRow(w.models, ++chat, { lane, notBefore: new Date(clock.getTime() - 1000) });
const stateOf = async (id: string) => (await rowOf(w.models, id)).state;
const settle = (ms = 600) => new Promise((r) => setTimeout(r, ms));

describe("sender gates", () => {
  it("sends replies in quiet hours but defers dialog and broadcast rows to the end of them", async () => {
    clock = new Date("2026-01-01T17:30:00Z");
    const [reply, dialog, broadcast] = [await queue("reply"), await queue("dialog"), await queue("broadcast")];
    startSender(TELEGRAM_POLICY, { quiet: true });
    await expect.poll(() => stateOf(reply), { timeout: 5000 }).toBe("sent");
    const sixAm = new Date("2026-01-02T00:30:00Z");
    await expect.poll(async () => (await rowOf(w.models, dialog)).notBefore, { timeout: 5000 }).toEqual(sixAm);
    expect(await rowOf(w.models, broadcast)).toMatchObject({ state: "queued", notBefore: sixAm });
    clock = sixAm;
    await expect.poll(async () => [await stateOf(dialog), await stateOf(broadcast)], { timeout: 5000 }).toEqual(["sent", "sent"]);
  });

  it("caps outreach per local day across instances; replies are not capped", async () => {
    clock = new Date("2026-01-01T06:30:00Z"); // 12:00 IST
    const policy: SendPolicy = { ...TELEGRAM_POLICY, dailyCap: { limit: 2, timezone: "Asia/Kolkata" } };
    const outreach = [await queue("broadcast"), await queue("dialog"), await queue("broadcast")];
    const reply = await queue("reply");
    const first = startSender(policy);
    await expect.poll(async () => (await Promise.all(outreach.map(stateOf))).filter((s) => s === "sent").length, { timeout: 5000 }).toBe(2);
    await expect.poll(() => stateOf(reply), { timeout: 5000 }).toBe("sent");
    await first.stop();
    // Another instance counts what the first one sent today from the store.
    startSender(policy);
    await settle();
    expect((await Promise.all(outreach.map(stateOf))).filter((s) => s === "sent")).toHaveLength(2);
    clock = new Date("2026-01-01T18:31:00Z"); // 00:01 IST the next day
    await expect.poll(async () => (await Promise.all(outreach.map(stateOf))).every((s) => s === "sent"), { timeout: 5000 }).toBe(true);
  });

  it("pauses the whole channel on a capped failure, durably, until the cool-down ends", async () => {
    clock = new Date("2026-01-01T06:30:00Z");
    // The Telegram adapter never reports `capped`; this one reads a marked 400 as WhatsApp's 463.
    const capping: Channel = { ...w.channel, classify: (e) => (String(e).includes("REACHOUT_TIMELOCK") ? { kind: "capped" } : w.channel.classify(e)) };
    w.api.injectFaults({ type: "status", status: 400, description: "Bad Request: REACHOUT_TIMELOCK" });
    const policy: SendPolicy = { ...TELEGRAM_POLICY, capCoolDownMs: 3600_000 };
    const ids = [await queue("broadcast"), await queue("broadcast"), await queue("reply")];
    const before = w.api.sent().length;
    const first = startSender({ ...policy, pace: { ...policy.pace, burst: 1, perSecond: 1000 } }, { channel: capping });
    const until = clock.getTime() + 3600_000;
    await expect.poll(() => breakerUntil(w.models, "telegram"), { timeout: 5000 }).toBe(until);
    await first.stop();
    startSender(policy, { channel: capping });
    await settle();
    expect(w.api.sent().length).toBe(before);
    // The reply went first (lane order) and met the restriction; it waits out the cool-down without spending an attempt.
    expect(await rowOf(w.models, ids[2]!)).toMatchObject({ state: "queued", attempts: 0, notBefore: new Date(until) });
    expect(await stateOf(ids[0]!)).toBe("queued");
    clock = new Date(until + 1000);
    await expect.poll(async () => (await Promise.all(ids.map(stateOf))).every((s) => s === "sent"), { timeout: 8000 }).toBe(true);
  });

  it("fans a broadcast out once however often it runs, and counts rows per channel and state", async () => {
    clock = new Date("2026-01-01T06:30:00Z");
    const recipients = [1, 2, 3].map((i) => ({ contactKey: `telegram:${70_000 + i}`, recipient: String(70_000 + i) }));
    const fanOut = { broadcastId: "camp-7", channel: "telegram", payload: { text: "शिविर" }, notBefore: clock, now: clock, batchSize: 2 };
    expect(await fanOutBroadcast(w.models, fanOut, recipients)).toEqual({ inserted: 3, existing: 0 });
    expect(await fanOutBroadcast(w.models, fanOut, recipients)).toEqual({ inserted: 0, existing: 3 });
    expect(await rowOf(w.models, broadcastRowId("camp-7", "telegram:70001"))).toMatchObject({ lane: "broadcast", state: "queued", recipient: "70001" });
    await queueRow(w.models, ++chat, { channel: "whatsapp", state: "sent" });
    const counts = await outboxCountsByChannel(w.models);
    expect(counts["telegram"]).toMatchObject({ queued: 3, sent: 0 });
    expect(counts["whatsapp"]).toMatchObject({ queued: 0, sent: 1 });
  });
});
