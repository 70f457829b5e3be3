/**
 * Long polling end to end: grammY polls the fake Bot API, the real runtime processes updates on an
 * embedded store, the sender replies through the fake. A person taps through the menu.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../../src/channels/channel.js";
import { createInboundSink } from "../../../src/channels/inbound-sink.js";
import { createTelegramChannel, type TelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { TELEGRAM_POLICY } from "../../../src/jobs/sender/policy.js";
import { createOutboxSender, type OutboxSender } from "../../../src/jobs/sender/sender.js";
import { startFakeBotApi, type FakeBotApi, type RecordedCall } from "../../fakes/telegram-bot-api.js";
import { startTestSampark, type TestSampark } from "../../support/sampark.js";
import { callbackUpdate, textUpdate } from "./updates.js";

let sampark: TestSampark;
let api: FakeBotApi;
let channel: TelegramChannel;
let sender: OutboxSender;
let storeDown = false;

beforeAll(async () => {
  sampark = await startTestSampark();
  api = await startFakeBotApi();
  const sink = createInboundSink({ runtime: sampark.runtime, models: sampark.models });
  channel = createTelegramChannel({ token: api.token, apiRoot: api.url, mode: "polling", pollTimeoutSeconds: 1, redeliverDelayMs: 100, log: sampark.logs.log });
  await channel.start(async (event: ChannelEvent) => {
    if (storeDown) throw new Error("MongoNetworkError: connection refused");
    await sink(event);
  });
  sender = createOutboxSender({ models: sampark.models, channel, policy: TELEGRAM_POLICY, owner: "polling-test", now: () => new Date(), random: Math.random, log: sampark.logs.log, idleMs: 50 });
  sender.start();
});

afterAll(async () => {
  await sender.stop();
  await channel.stop();
  await api.close();
  await sampark.stop();
});

const messagesTo = (chat: number) => api.sent().filter((c) => c.params["chat_id"] === chat);
const buttonsOf = (call: RecordedCall | undefined) =>
  ((call?.params["reply_markup"] as { inline_keyboard?: { callback_data: string }[][] } | undefined)?.inline_keyboard ?? []).flat();

describe("Telegram long polling", () => {
  it("confirms updates with getUpdates offsets and walks the menu by buttons", async () => {
    await api.pushUpdate(textUpdate(8001, 5151, "मेनू"));
    await expect.poll(() => messagesTo(5151).some((c) => buttonsOf(c).length > 0), { timeout: 10_000 }).toBe(true);
    const menu = messagesTo(5151).find((c) => buttonsOf(c).length > 0);
    const before = messagesTo(5151).length;
    await api.pushUpdate(callbackUpdate(8002, 5151, "tap-1", buttonsOf(menu)[0]!.callback_data));
    await expect.poll(() => api.answeredCallbacks(), { timeout: 10_000 }).toContain("tap-1");
    await expect.poll(() => messagesTo(5151).length, { timeout: 10_000 }).toBeGreaterThan(before);
    const offsets = api.calls("getUpdates").map((c) => Number(c.params["offset"] ?? 0));
    expect(offsets).toContain(8003);
  });

  it("keeps an update it could not record and delivers it once the store is back", async () => {
    storeDown = true;
    await api.pushUpdate(textUpdate(8010, 6161, "नमस्ते"));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await sampark.models.inboundEvents.findById("telegram:8010").lean()).toBeNull();
    storeDown = false;
    await expect.poll(async () => sampark.models.inboundEvents.findById("telegram:8010").lean(), { timeout: 5000 }).not.toBeNull();
  });
});
