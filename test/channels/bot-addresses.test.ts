/** Where referral links point: the linked WhatsApp number and the Telegram bot's username. */
import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botAddressSource } from "../../src/channels/bot-addresses.js";
import { referralLinkLines, referralLinks } from "../../src/domain/referrals/links.js";
import { useMongoAuthState } from "../../src/store/wa-auth/mongo-auth-state.js";
import { startFakeBotApi, type FakeBotApi } from "../fakes/telegram-bot-api.js";
import { captureLogger } from "../support/logger.js";
import { startEmbeddedForTest } from "../support/sampark.js";

let embedded: { uri: string; stop(): Promise<void> };
let connection: Connection;
let api: FakeBotApi;
const log = captureLogger("warn");

beforeAll(async () => {
  embedded = await startEmbeddedForTest();
  connection = await mongoose.createConnection(`${embedded.uri}/bot-addresses`).asPromise();
  api = await startFakeBotApi();
});
afterAll(async () => {
  await api?.close();
  await connection?.close();
  await embedded?.stop();
});

describe("bot addresses", () => {
  it("uses the configured WhatsApp number before the linked session's", async () => {
    const source = botAddressSource({ connection, whatsapp: { number: "919811111111", sessionId: "main" }, log: log.log });
    expect(await source.addresses()).toEqual({ whatsappNumber: "919811111111" });
  });

  it("reads the number of the linked session from its creds (me.id), once it is linked", async () => {
    const source = botAddressSource({ connection, whatsapp: { sessionId: "main" }, log: log.log });
    expect(await source.addresses()).toEqual({});
    const auth = await useMongoAuthState(connection, "main");
    auth.state.creds.me = { id: "919822222222:7@s.whatsapp.net", name: "Sampark" };
    await auth.saveCreds();
    expect(await source.addresses()).toEqual({ whatsappNumber: "919822222222" });
  });

  it("asks Telegram for the bot's username once, and again later when it failed", async () => {
    const down = botAddressSource({ connection, telegram: { token: api.token, apiRoot: "http://127.0.0.1:9" }, log: log.log });
    expect(await down.addresses()).toEqual({});
    expect(log.lines().some((e) => String(e["msg"]).includes("getMe failed"))).toBe(true);
    const source = botAddressSource({ connection, telegram: { token: api.token, apiRoot: api.url }, log: log.log });
    expect(await source.addresses()).toEqual({ telegramUsername: "sampark_test_bot" });
    await source.addresses();
    expect(api.calls("getMe")).toHaveLength(1);
  });

  it("makes the links: wa.me with JOIN <code> pre-filled, t.me with the ref_ deep link", () => {
    const links = referralLinks("UP0000001W", { whatsappNumber: "919822222222", telegramUsername: "sampark_test_bot" });
    expect(links).toEqual({ whatsapp: "https://wa.me/919822222222?text=JOIN%20UP0000001W", telegram: "https://t.me/sampark_test_bot?start=ref_UP0000001W" });
    expect(referralLinkLines(links)).toBe("WhatsApp: https://wa.me/919822222222?text=JOIN%20UP0000001W\nTelegram: https://t.me/sampark_test_bot?start=ref_UP0000001W");
    expect(referralLinkLines(referralLinks("UP0000001W", {}))).toBe("");
  });
});
