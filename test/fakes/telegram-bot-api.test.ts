/** The fake must behave like the real Bot API, or tests over it prove nothing. */
import { Api, GrammyError, InputFile } from "grammy";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startFakeBotApi, type FakeBotApi } from "./telegram-bot-api.js";
import { textUpdate } from "../channels/telegram/updates.js";

let api: FakeBotApi;
let bot: Api;
beforeEach(async () => {
  api = await startFakeBotApi();
  bot = new Api(api.token, { apiRoot: api.url });
});
afterEach(() => api.close());

async function raw(path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe("fake Telegram Bot API", () => {
  it("answers 401 for an unknown token and 404 for an unknown method, with the real envelope", async () => {
    expect(await raw("/bot999:nope/getMe")).toEqual({ status: 401, body: { ok: false, error_code: 401, description: "Unauthorized" } });
    expect(await raw(`/bot${api.token}/sendTelepathy`)).toEqual({ status: 404, body: { ok: false, error_code: 404, description: "Not Found" } });
    expect((await bot.getMe()).username).toBe("sampark_test_bot");
  });

  it("refuses a second message to one chat within a second with a real 429 and retry_after", async () => {
    await bot.sendMessage(1, "one");
    const error = await bot.sendMessage(1, "two").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect(error).toMatchObject({ error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } });
    await bot.sendMessage(2, "another chat is fine");
  });

  it("refuses the 31st message within a second across chats", async () => {
    const results = await Promise.allSettled(Array.from({ length: 35 }, (_, i) => bot.sendMessage(100 + i, "hi")));
    const refused = results.filter((r) => r.status === "rejected");
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(30);
    expect(refused.every((r) => r.status === "rejected" && (r.reason as GrammyError).error_code === 429)).toBe(true);
  });

  it("answers 403 for a chat that blocked the bot, and 400 for bad requests", async () => {
    api.blockChat(5);
    await expect(bot.sendMessage(5, "hi")).rejects.toMatchObject({ error_code: 403, description: "Forbidden: bot was blocked by the user" });
    await expect(bot.sendMessage(6, "x".repeat(4097))).rejects.toMatchObject({ error_code: 400, description: "Bad Request: message is too long" });
    const keyboard = { inline_keyboard: [[{ text: "a", callback_data: "x".repeat(65) }]] };
    await expect(bot.sendMessage(7, "hi", { reply_markup: keyboard })).rejects.toMatchObject({ description: "Bad Request: BUTTON_DATA_INVALID" });
  });

  it("long-polls getUpdates, confirms by offset and honours limit", async () => {
    const started = Date.now();
    const pending = bot.getUpdates({ timeout: 5 });
    setTimeout(() => void api.pushUpdate(textUpdate(10, 1, "a")), 100);
    expect((await pending).map((u) => u.update_id)).toEqual([10]);
    expect(Date.now() - started).toBeLessThan(2000);
    await api.pushUpdate(textUpdate(11, 1, "b"));
    await api.pushUpdate(textUpdate(12, 1, "c"));
    expect((await bot.getUpdates({ limit: 2 })).map((u) => u.update_id)).toEqual([10, 11]);
    expect((await bot.getUpdates({ offset: 11 })).map((u) => u.update_id)).toEqual([11, 12]);
    expect(await bot.getUpdates({ offset: 13, timeout: 0 })).toEqual([]);
  });

  it("refuses getUpdates while a webhook is set, and POSTs updates to it with the secret", async () => {
    const seen: { secret: string | null; body: unknown }[] = [];
    const { createServer } = await import("node:http");
    const hook = createServer((req, res) => {
      let body = "";
      req.on("data", (c: Buffer) => (body += c.toString()));
      req.on("end", () => {
        seen.push({ secret: String(req.headers["x-telegram-bot-api-secret-token"]), body: JSON.parse(body) });
        res.writeHead(seen.length === 1 ? 500 : 200).end();
      });
    });
    await new Promise<void>((r) => hook.listen(0, "127.0.0.1", r));
    const port = (hook.address() as { port: number }).port;
    await bot.setWebhook(`http://127.0.0.1:${port}/tg`, { secret_token: "s3cret" });
    await expect(bot.getUpdates()).rejects.toMatchObject({ error_code: 409 });
    expect(await api.pushUpdate(textUpdate(20, 1, "x"))).toBe(500);
    expect(await api.redeliver()).toEqual([200]);
    expect(seen.map((s) => s.secret)).toEqual(["s3cret", "s3cret"]);
    await bot.deleteWebhook();
    expect(await bot.getUpdates()).toEqual([]);
    hook.close();
  });

  it("accepts grammY's multipart uploads and records what was uploaded", async () => {
    await bot.sendPhoto(9, new InputFile(Buffer.from("png-bytes"), "card.png"), { caption: "कार्ड" });
    expect(api.sent("sendPhoto")[0]?.params).toMatchObject({ chat_id: "9", caption: "कार्ड", photo: { upload: { filename: "card.png", size: 9 } } });
    await bot.sendDocument(10, new InputFile(Buffer.from([0, 1, 2, 255]), "form.pdf"));
    expect(api.uploads("sendPhoto").map((u) => u.bytes.toString())).toEqual(["png-bytes"]);
    expect(api.uploads("sendDocument")[0]).toMatchObject({ filename: "form.pdf", bytes: Buffer.from([0, 1, 2, 255]) });
  });

  it("serves files users sent through getFile and /file/bot<token>/<path>, with Telegram's errors", async () => {
    const file = api.addFile(Buffer.from("jpeg-bytes"));
    const info = await bot.getFile(file.file_id);
    expect(info).toEqual({ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: 10, file_path: file.file_path });
    const res = await fetch(`${api.url}/file/bot${api.token}/${info.file_path}`);
    expect([res.status, Buffer.from(await res.arrayBuffer()).toString()]).toEqual([200, "jpeg-bytes"]);
    expect((await fetch(`${api.url}/file/bot999:nope/${info.file_path}`)).status).toBe(404);
    expect((await fetch(`${api.url}/file/bot${api.token}/photos/unknown.jpg`)).status).toBe(404);
    await expect(bot.getFile("no-such-file")).rejects.toMatchObject({ error_code: 400, description: "Bad Request: invalid file_id" });
    const huge = api.addFile(Buffer.from("x"), 21 * 1024 * 1024);
    await expect(bot.getFile(huge.file_id)).rejects.toMatchObject({ error_code: 400, description: "Bad Request: file is too big" });
  });

  it("answers a callback query once, and only one it delivered", async () => {
    await api.pushUpdate({ update_id: 30, callback_query: { id: "q-1", from: { id: 1 }, chat_instance: "c", data: "x" } });
    await expect(bot.answerCallbackQuery("q-1")).resolves.toBe(true);
    await expect(bot.answerCallbackQuery("q-1")).rejects.toMatchObject({ error_code: 400 });
    expect(api.answeredCallbacks()).toEqual(["q-1"]);
  });

  it("edits a message it sent (edits count against the chat's rate) and refuses to edit one it did not", async () => {
    api.setLimits({ perChatPerSecond: 10 });
    const sent = await bot.sendMessage(3, "old");
    await expect(bot.editMessageText(3, sent.message_id, "new")).resolves.toMatchObject({ text: "new" });
    await expect(bot.editMessageText(3, 999, "new")).rejects.toMatchObject({ description: "Bad Request: message to edit not found" });
  });
});
