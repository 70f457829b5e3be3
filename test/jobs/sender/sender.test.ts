/** The outbox sender over a real embedded store and the fake Bot API through the grammY adapter. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createInboundSink } from "../../../src/channels/inbound-sink.js";
import { outboxCounts } from "../../../src/jobs/sender/outbox-rows.js";
import { TELEGRAM_POLICY, type SendPolicy } from "../../../src/jobs/sender/policy.js";
import { createOutboxSender, type OutboxSender } from "../../../src/jobs/sender/sender.js";
import { memberUpdate } from "../../channels/telegram/updates.js";
import { queueRow, rowOf, startSenderWorld, type SenderWorld } from "./setup.js";

let w: SenderWorld;
let senders: OutboxSender[] = [];
let chat = 9000;
beforeAll(async () => {
  w = await startSenderWorld();
  await w.channel.start(createInboundSink({ runtime: { receive: async () => ({ duplicate: false }) }, models: w.models }));
});
afterAll(() => w.close());
afterEach(async () => {
  await Promise.all(senders.map((s) => s.stop()));
  senders = [];
  await w.models.outbox.deleteMany({});
});

function startSender(policy: SendPolicy = TELEGRAM_POLICY, owner = `test-${senders.length}`): OutboxSender {
  const sender = createOutboxSender({ models: w.models, channel: w.channel, policy, owner, now: () => new Date(), random: () => 0, log: w.logs.log, idleMs: 50 });
  senders.push(sender);
  sender.start();
  return sender;
}

const settled = async (ids: string[], timeout = 10_000) =>
  expect.poll(async () => (await Promise.all(ids.map((id) => rowOf(w.models, id)))).every((r) => !["queued", "leased"].includes(r.state)), { timeout, interval: 50 }).toBe(true);

describe("outbox sender", () => {
  it("sends replies before dialog before broadcasts, each exactly once", async () => {
    const to = ++chat;
    const order = [
      await queueRow(w.models, ++chat, { lane: "broadcast", text: "b" }),
      await queueRow(w.models, ++chat, { lane: "dialog", text: "d" }),
      await queueRow(w.models, to, { lane: "reply", text: "r" }),
    ];
    startSender({ ...TELEGRAM_POLICY, pace: { ...TELEGRAM_POLICY.pace, burst: 1, perSecond: 5 } });
    await settled(order);
    expect(w.api.sent("sendMessage").slice(-3).map((c) => c.params["text"])).toEqual(["r", "d", "b"]);
    expect((await rowOf(w.models, order[2]!)).providerId).toMatch(/^\d+$/);
  });

  it("pauses at least retry_after on a 429, then completes the run", async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => queueRow(w.models, ++chat)));
    w.api.floodWait(2);
    const started = Date.now();
    startSender();
    await settled(ids, 15_000);
    const calls = w.api.calls("sendMessage").filter((c) => c.at >= started);
    const refused = calls.filter((c) => c.status === 429);
    const first429 = refused[0];
    const delivered = calls.filter((c) => c.status === 200);
    expect(first429?.description).toMatch(/^Too Many Requests: retry after 2/);
    expect(delivered).toHaveLength(6);
    // Only the calls already in flight when the first 429 came back were refused: one wave, no hammering.
    expect(Math.max(...refused.map((c) => c.at)) - (first429?.at ?? 0)).toBeLessThan(200);
    // Nothing went out again before retry_after lapsed.
    expect(Math.min(...delivered.map((c) => c.at)) - (first429?.at ?? 0)).toBeGreaterThanOrEqual(2000 - 50);
    expect(await outboxCounts(w.models)).toMatchObject({ sent: 6, queued: 0, leased: 0 });
  });

  it("marks the row and the contact blocked on 403, skips the contact after, and my_chat_member member unblocks", async () => {
    const blockedChat = ++chat;
    w.api.blockChat(blockedChat);
    const first = await queueRow(w.models, blockedChat);
    startSender();
    await settled([first]);
    expect(await rowOf(w.models, first)).toMatchObject({ state: "blocked", lastError: expect.stringContaining("bot was blocked") });
    expect(await w.models.contacts.findById(`telegram:${blockedChat}`).lean()).toMatchObject({ blocked: true });

    const second = await queueRow(w.models, blockedChat);
    await settled([second]);
    expect(await rowOf(w.models, second)).toMatchObject({ state: "blocked", lastError: "contact is blocked" });
    expect(w.api.calls("sendMessage").filter((c) => String(c.params["chat_id"]) === String(blockedChat))).toHaveLength(1);

    w.api.blockChat(blockedChat, false);
    await w.channel.handleUpdate(memberUpdate(77, blockedChat, "member", Math.floor(Date.now() / 1000) + 1));
    expect(await w.models.contacts.findById(`telegram:${blockedChat}`).lean()).toMatchObject({ blocked: false });
    const third = await queueRow(w.models, blockedChat);
    await settled([third]);
    expect(await rowOf(w.models, third)).toMatchObject({ state: "sent" });
  });

  it("retries a transient failure with backoff, and fails an invalid request for good", async () => {
    w.api.injectFaults({ type: "status", status: 500 }, { type: "html", status: 502 });
    const retried = await queueRow(w.models, ++chat);
    startSender();
    await settled([retried]);
    expect(await rowOf(w.models, retried)).toMatchObject({ state: "sent", attempts: 2 });
    w.api.injectFaults({ type: "status", status: 400, description: "Bad Request: chat not found" });
    const invalid = await queueRow(w.models, ++chat);
    await settled([invalid]);
    expect(await rowOf(w.models, invalid)).toMatchObject({ state: "failed", lastError: expect.stringContaining("chat not found") });
  });

  it("sends a long text as several parts and records them", async () => {
    const text = Array.from({ length: 3 }, (_, i) => `${i}`.repeat(3000)).join("\n\n");
    const id = await queueRow(w.models, ++chat, { text });
    startSender();
    await settled([id], 15_000);
    expect(await rowOf(w.models, id)).toMatchObject({ state: "sent", partsSent: 3 });
  });

  it("reclaims a crashed sender's rows: unattempted ones are resent, in-flight ones are ambiguous unless the channel resends", async () => {
    const past = new Date(Date.now() - 120_000);
    const lease = { state: "leased" as const, leaseOwner: "dead-instance", leaseUntil: past };
    const untouched = await queueRow(w.models, ++chat, { ...lease, sendingAt: null });
    const inFlight = await queueRow(w.models, ++chat, { ...lease, sendingAt: past });
    startSender({ ...TELEGRAM_POLICY, resendAmbiguous: false });
    await settled([untouched, inFlight]);
    expect(await rowOf(w.models, untouched)).toMatchObject({ state: "sent" });
    expect(await rowOf(w.models, inFlight)).toMatchObject({ state: "ambiguous" });
    await senders[0]?.stop();

    const resent = await queueRow(w.models, ++chat, { ...lease, sendingAt: past });
    startSender(TELEGRAM_POLICY, "telegram-policy");
    await settled([resent]);
    expect(await rowOf(w.models, resent)).toMatchObject({ state: "sent" });
  });

  it("lets only one of two instances send for a channel identity, and no row goes twice", async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => queueRow(w.models, ++chat)));
    const before = w.api.sent("sendMessage").length;
    startSender(TELEGRAM_POLICY, "instance-a");
    startSender(TELEGRAM_POLICY, "instance-b");
    await settled(ids, 15_000);
    const sent = w.api.sent("sendMessage").slice(before);
    expect(sent).toHaveLength(40);
    expect(new Set(sent.map((c) => c.params["chat_id"])).size).toBe(40);
    expect(w.api.calls("sendMessage").filter((c) => c.status === 429 && c.at >= sent[0]!.at)).toHaveLength(0);
  });
});
