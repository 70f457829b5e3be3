/**
 * The composition as `main.ts` uses it: `assembleSampark({ channels: { telegram } })` starts grammY
 * polling against the fake Bot API, a sender per channel, and wakes it when replies are committed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "../fakes/telegram-bot-api.js";
import { startTestSampark, type TestSampark } from "../support/sampark.js";
import { callbackUpdate, memberUpdate, ownContactUpdate, textUpdate } from "./telegram/updates.js";

const CHAT = 7001;
let api: FakeBotApi;
let sampark: TestSampark;

beforeAll(async () => {
  api = await startFakeBotApi();
  sampark = await startTestSampark({ channels: { telegram: { token: api.token, mode: "polling", apiRoot: api.url } } });
});
afterAll(async () => {
  await sampark?.stop();
  await api?.close();
});

const textsTo = (chat: number) =>
  api
    .sent("sendMessage")
    .filter((c) => Number(c.params["chat_id"]) === chat)
    .map((c) => String(c.params["text"]));

describe("Telegram wired by assembleSampark", () => {
  it("starts the channel and its sender", () => {
    expect(sampark.channels).toEqual(["web", "telegram"]);
  });

  it("answers a first message with the language question as inline buttons", async () => {
    await api.pushUpdate(textUpdate(1, CHAT, "नमस्ते"));
    await expect.poll(() => textsTo(CHAT), { timeout: 10_000 }).toHaveLength(1);
    const [call] = api.sent("sendMessage");
    expect(JSON.stringify(call?.params["reply_markup"])).toContain('"callback_data":"hi"');
  });

  it("takes a tapped button, answers the callback query, and walks into enrolment", async () => {
    await api.pushUpdate(callbackUpdate(2, CHAT, "q-1", "en"));
    await expect.poll(() => textsTo(CHAT).some((t) => t.includes("Welcome")), { timeout: 10_000 }).toBe(true);
    expect(api.answeredCallbacks()).toContain("q-1");
    await api.pushUpdate(textUpdate(3, CHAT, "join"));
    await expect.poll(() => textsTo(CHAT).some((t) => /consent|agree/i.test(t)), { timeout: 10_000 }).toBe(true);
  });

  // Telegram allows one message a second per chat, and the sender keeps to it: this dialog takes ~30 s.
  it("completes an enrolment over Telegram and sends the ID card as a photo", { timeout: 90_000 }, async () => {
    // On Telegram the mobile number comes from the contact-share button, not typed.
    const answers = ["yes", "Priya Sharma", "29", "female", { contact: "+919876543202" }, "DEF2345676", "Sarojini", "1", "school", "more", "2", "skip", "skip", "yes", "Sikh", "skip", "yes"];
    for (const [i, answer] of answers.entries()) {
      const before = api.sent().filter((c) => Number(c.params["chat_id"]) === CHAT).length;
      await api.pushUpdate(typeof answer === "string" ? textUpdate(100 + i, CHAT, answer) : ownContactUpdate(100 + i, CHAT, answer.contact));
      await expect.poll(() => api.sent().filter((c) => Number(c.params["chat_id"]) === CHAT).length, { timeout: 10_000 }).toBeGreaterThan(before);
    }
    await expect
      .poll(() => api.sent("sendPhoto").filter((c) => Number(c.params["chat_id"]) === CHAT), { timeout: 10_000, message: JSON.stringify(textsTo(CHAT)) })
      .toHaveLength(1);
    const photo = api.sent("sendPhoto")[0]!;
    // The card goes out as its bytes (Telegram's servers could not fetch a URL on localhost).
    expect(photo.params["photo"]).toMatchObject({ upload: { filename: expect.stringMatching(/^UP\d+[A-Z0-9]\.png$/) } });
    expect(await sampark.connection.collection("members").countDocuments({ contactKeys: `telegram:${CHAT}` })).toBe(1);
  });

  it("processes a redelivered update once", async () => {
    const before = textsTo(CHAT).length;
    await api.pushUpdate(textUpdate(400, CHAT, "help"));
    await api.pushUpdate(textUpdate(400, CHAT, "help"));
    await expect.poll(() => textsTo(CHAT).length, { timeout: 10_000 }).toBeGreaterThan(before);
    await new Promise((r) => setTimeout(r, 500));
    const helps = textsTo(CHAT).filter((t) => t.includes("You can type these words"));
    expect(helps).toHaveLength(1);
  });

  it("marks the contact blocked when the person blocks the bot, and unblocks on member", async () => {
    await api.pushUpdate(memberUpdate(5, CHAT, "kicked", 1_800_000_000));
    await expect.poll(async () => (await sampark.models.contacts.findById(`telegram:${CHAT}`).lean())?.blocked, { timeout: 10_000 }).toBe(true);
    await api.pushUpdate(memberUpdate(6, CHAT, "member", 1_800_000_100));
    await expect.poll(async () => (await sampark.models.contacts.findById(`telegram:${CHAT}`).lean())?.blocked, { timeout: 10_000 }).toBe(false);
  });
});
