/** Inbound Telegram photos: getFile, then the file itself, over real HTTP against the fake Bot API. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertUpdate } from "../../../src/channels/telegram/convert.js";
import { createTelegramDownloader } from "../../../src/channels/telegram/download.js";
import { startFakeBotApi, type FakeBotApi } from "../../fakes/telegram-bot-api.js";
import { testImage } from "../../support/images.js";
import { photoUpdate } from "./updates.js";

const MB = 1024 * 1024;
let api: FakeBotApi;
let photo: Buffer;

beforeAll(async () => {
  api = await startFakeBotApi();
  photo = await testImage(960, 1280);
});
afterAll(() => api?.close());

const downloader = () => createTelegramDownloader({ token: api.token, apiRoot: api.url, timeoutSeconds: 5 });

/** The media reference the converter takes from a photo update (the largest size's file id). */
function mediaOf(update: unknown): string {
  const result = convertUpdate(update);
  if (result.type !== "event" || result.event.type !== "message") throw new Error("not a message");
  return result.event.message.media ?? "";
}

describe("Telegram photo download", () => {
  it("downloads the largest size of a photo the person sent", async () => {
    const file = api.addFile(photo);
    const fetched = await downloader().download(mediaOf(photoUpdate(1, 42, file)), 5 * MB);
    expect(fetched.ok && fetched.bytes.equals(photo)).toBe(true);
    expect(api.calls("getFile").map((c) => c.params["file_id"])).toContain(file.file_id);
    expect(api.calls("file").map((c) => c.params["file_path"])).toContain(file.file_path);
  });

  it("an unknown or forgotten file id is unavailable (Bad Request: invalid file_id)", async () => {
    const file = api.addFile(photo);
    api.removeFile(file.file_id);
    expect(await downloader().download(file.file_id, 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
    expect(api.calls("getFile").at(-1)).toMatchObject({ status: 400, description: "Bad Request: invalid file_id" });
  });

  it("a file past the bots' 20 MB limit, or past our cap, is too big — without downloading it", async () => {
    const huge = api.addFile(photo, 25 * MB);
    expect(await downloader().download(huge.file_id, 5 * MB)).toEqual({ ok: false, reason: "too_big" });
    expect(api.calls("getFile").at(-1)).toMatchObject({ status: 400, description: "Bad Request: file is too big" });
    const big = api.addFile(photo, 6 * MB);
    expect(await downloader().download(big.file_id, 5 * MB)).toEqual({ ok: false, reason: "too_big" });
    expect(api.calls("file").map((c) => c.params["file_path"])).not.toContain(big.file_path);
  });

  it("stops reading a body that runs past the cap", async () => {
    const file = api.addFile(photo, 100); // Telegram's file_size can be absent or wrong; the body decides
    expect(await downloader().download(file.file_id, 1000)).toEqual({ ok: false, reason: "too_big" });
  });

  it("throws when the file server fails or cannot be reached, so the step is retried", async () => {
    const file = api.addFile(photo);
    api.failDownloads(502);
    await expect(downloader().download(file.file_id, 5 * MB)).rejects.toThrow(/HTTP 502/);
    const unreachable = createTelegramDownloader({ token: api.token, apiRoot: "http://127.0.0.1:9", timeoutSeconds: 2 });
    await expect(unreachable.download(file.file_id, 5 * MB)).rejects.toThrow();
    const retried = await downloader().download(file.file_id, 5 * MB);
    expect(retried.ok).toBe(true);
  });

  it("never puts the bot token into an error message", async () => {
    const file = api.addFile(photo);
    api.failDownloads(500);
    const error = (await downloader().download(file.file_id, 5 * MB).catch((e: unknown) => e)) as Error;
    expect(error.message).not.toContain(api.token);
  });
});
