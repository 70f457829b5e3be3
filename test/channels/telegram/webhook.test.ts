/**
 * The webhook end to end: the fake Bot API POSTs updates to our router (mounted in the real app),
 * the real runtime on an embedded store logs and processes them, and the sender delivers replies
 * back through the fake.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../../src/channels/channel.js";
import { createInboundSink } from "../../../src/channels/inbound-sink.js";
import { createTelegramChannel, type TelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { createApp } from "../../../src/http/app.js";
import { listen, type RunningServer } from "../../../src/http/serve.js";
import { telegramWebhookRouter } from "../../../src/http/telegram-webhook.js";
import { TELEGRAM_POLICY } from "../../../src/jobs/sender/policy.js";
import { createOutboxSender, type OutboxSender } from "../../../src/jobs/sender/sender.js";
import { startFakeBotApi, type FakeBotApi } from "../../fakes/telegram-bot-api.js";
import { startTestSampark, type TestSampark } from "../../support/sampark.js";
import { callbackUpdate, textUpdate } from "./updates.js";

const SECRET = "hook-Secret_123";
let sampark: TestSampark;
let api: FakeBotApi;
let channel: TelegramChannel;
let server: RunningServer;
let base: string;
let sender: OutboxSender;
/** Simulates the store being unreachable for the inbound handler. */
let storeDown = false;

beforeAll(async () => {
  sampark = await startTestSampark();
  api = await startFakeBotApi();
  const sink = createInboundSink({ runtime: sampark.runtime, models: sampark.models });
  const handler = async (event: ChannelEvent) => {
    if (storeDown) throw new Error("MongoNetworkError: connection refused");
    await sink(event);
  };
  const router = telegramWebhookRouter({ handleUpdate: (u) => channel.handleUpdate(u), secret: SECRET, log: sampark.logs.log });
  server = await listen(createApp({ log: sampark.logs.log, storeReady: async () => true, routers: [router] }), 0, "127.0.0.1");
  base = `http://127.0.0.1:${server.port}`;
  channel = createTelegramChannel({ token: api.token, apiRoot: api.url, mode: "webhook", webhookUrl: `${base}/telegram/webhook`, webhookSecret: SECRET, log: sampark.logs.log });
  await channel.start(handler);
  sender = createOutboxSender({ models: sampark.models, channel, policy: TELEGRAM_POLICY, owner: "webhook-test", now: () => new Date(), random: Math.random, log: sampark.logs.log, idleMs: 50 });
  sender.start();
});

afterAll(async () => {
  await sender.stop();
  await channel.stop();
  await server.close(500);
  await api.close();
  await sampark.stop();
});

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${base}/telegram/webhook`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

describe("Telegram webhook", () => {
  it("registered itself with the secret token", () => {
    expect(api.webhook()).toEqual({ url: `${base}/telegram/webhook`, secret: SECRET });
  });

  it("refuses a missing or wrong secret with 401", async () => {
    const body = JSON.stringify(textUpdate(1, 1, "x"));
    expect((await post(body)).status).toBe(401);
    expect((await post(body, { "x-telegram-bot-api-secret-token": "wrong" })).status).toBe(401);
    expect((await post(body, { "x-telegram-bot-api-secret-token": `${SECRET}x` })).status).toBe(401);
  });

  it("refuses malformed JSON with 400", async () => {
    expect((await post("{not json", { "x-telegram-bot-api-secret-token": SECRET })).status).toBe(400);
  });

  it("processes an update, replies through the outbox, and processes a redelivered update_id once", async () => {
    const update = textUpdate(5001, 4242, "नमस्ते");
    expect(await api.pushUpdate(update)).toBe(200);
    await expect.poll(() => api.sent("sendMessage").filter((c) => c.params["chat_id"] === 4242).length, { timeout: 10_000 }).toBeGreaterThan(0);
    const outboxAfterFirst = await sampark.models.outbox.countDocuments({ contactKey: "telegram:4242" });
    expect(await api.pushUpdate(update)).toBe(200);
    await sampark.runtime.idle();
    expect(await sampark.models.outbox.countDocuments({ contactKey: "telegram:4242" })).toBe(outboxAfterFirst);
    expect(await sampark.models.inboundEvents.countDocuments({ _id: "telegram:5001" })).toBe(1);
  });

  it("answers a callback query after recording it", async () => {
    expect(await api.pushUpdate(callbackUpdate(5002, 4242, "cbq-1", "anything"))).toBe(200);
    expect(api.answeredCallbacks()).toContain("cbq-1");
    expect(await sampark.models.inboundEvents.findById("telegram:5002").lean()).toMatchObject({ contactKey: "telegram:4242" });
  });

  it("answers 503 while the store is down, and the update is processed when Telegram redelivers", async () => {
    storeDown = true;
    expect(await api.pushUpdate(textUpdate(5003, 4343, "नमस्ते"))).toBe(503);
    expect(await sampark.models.inboundEvents.findById("telegram:5003").lean()).toBeNull();
    storeDown = false;
    expect(await api.redeliver()).toEqual([200]);
    expect(await sampark.models.inboundEvents.findById("telegram:5003").lean()).toMatchObject({ contactKey: "telegram:4343" });
  });
});
