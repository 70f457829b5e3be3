/**
 * A whole enrolment over Telegram through the composition (grammY polling against the fake Bot
 * API, real HTTP): the photo the person sends is fetched with getFile and /file/bot<token>/…, kept
 * in GridFS and printed on the card; the card goes out as an uploaded PNG (multipart), not as a
 * URL Telegram's servers could not reach; the welcome carries the t.me deep link (bot username
 * from getMe). Telegram allows one message a second per chat, so this takes ~30 s.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadImage } from "@napi-rs/canvas";
import { PHOTO_BUCKET } from "../../../src/store/members/photos.js";
import { startFakeBotApi, type FakeBotApi } from "../../fakes/telegram-bot-api.js";
import { pixelsOf } from "../../cards/png.js";
import { testImage } from "../../support/images.js";
import { startTestSampark, type TestSampark } from "../../support/sampark.js";
import { ownContactUpdate, photoUpdate, textUpdate } from "./updates.js";

const CHAT = 7301;
let api: FakeBotApi;
let sampark: TestSampark;
let update = 1000;

beforeAll(async () => {
  api = await startFakeBotApi();
  sampark = await startTestSampark({ channels: { telegram: { token: api.token, mode: "polling", apiRoot: api.url } } });
});
afterAll(async () => {
  await sampark?.stop();
  await api?.close();
});

/** Texts of the replies the bot sent for the last update, once all of them have gone out. */
async function turn(push: unknown): Promise<string[]> {
  const before = await sampark.models.outbox.countDocuments({ contactKey: `telegram:${CHAT}` });
  await api.pushUpdate(push as never);
  let rows: { state: string; payload: unknown }[] = [];
  await expect
    .poll(
      async () => {
        rows = (await sampark.models.outbox.find({ contactKey: `telegram:${CHAT}` }).sort({ seq: 1 }).lean()).slice(before);
        return rows.length > 0 && rows.every((r) => r.state === "sent");
      },
      { timeout: 20_000, interval: 100 },
    )
    .toBe(true);
  return rows.map((r) => String((r.payload as { text?: string }).text ?? ""));
}

const say = (text: string) => turn(textUpdate(update++, CHAT, text));

describe("enrolment with a photo over Telegram", () => {
  it("keeps the photo, prints it on the card and uploads the card PNG", { timeout: 120_000 }, async () => {
    const photo = await testImage(960, 1280);
    const file = api.addFile(photo);
    let last = [...(await say("hello")), ...(await say("english")), ...(await say("join"))];
    const rules: [RegExp, () => Promise<string[]>][] = [
      [/Before you join/, () => say("yes")],
      [/full name/, () => say("Farhan Ali")],
      [/How old/, () => say("33")],
      [/share your mobile number/, () => turn(ownContactUpdate(update++, CHAT, "+919876543290"))],
      [/voter ID card/, () => say("GHI6789011")],
      [/name or number of your assembly/, () => say("170")],
      [/Choose your assembly|Choose your booth/, () => say("1")],
      [/part number/, () => say("12")],
      [/photo of yourself/, () => turn(photoUpdate(update++, CHAT, file))],
      [/One optional question/, () => say("no")],
      [/Please check/, () => say("yes")],
      [/gender|address|SKIP|skip/i, () => say("skip")],
    ];
    const said: string[] = [...last];
    for (let i = 0; i < 30 && !said.some((t) => t.includes("digital membership card")); i++) {
      const asked = last.at(-1) ?? "";
      const rule = rules.find(([pattern]) => pattern.test(asked));
      if (!rule) throw new Error(`unexpected: ${asked}\n${said.join("\n---\n")}`);
      last = await rule[1]();
      said.push(...last);
    }

    // The photo came over getFile and the file URL, and is stored small.
    expect(api.calls("getFile").map((c) => c.params["file_id"])).toContain(file.file_id);
    const member = await sampark.connection.collection("members").findOne({ contactKeys: `telegram:${CHAT}` });
    const files = await sampark.connection.collection(`${PHOTO_BUCKET}.files`).find({ "metadata.memberId": member?._id }).toArray();
    expect(files).toHaveLength(1);
    expect(member?.["photo"]).toMatchObject({ fileId: String(files[0]?._id) });

    // The welcome names the Telegram deep link (username from getMe).
    const code = String(member?.["referralCode"]);
    expect(said.find((t) => t.includes("You are now a member"))).toContain(`Telegram: https://t.me/sampark_test_bot?start=ref_${code}`);

    // The card went out as bytes: a PNG that decodes, with the photo in its photo box.
    const [upload] = api.uploads("sendPhoto");
    expect(upload?.filename).toBe(`${code}.png`);
    const png = upload?.bytes ?? Buffer.alloc(0);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = await loadImage(png);
    expect([image.width, image.height]).toEqual([1012, 638]);
    const pixels = await pixelsOf(png);
    const at = (x: number, y: number) => [...pixels.data.subarray((y * pixels.width + x) * 4, (y * pixels.width + x) * 4 + 3)];
    expect(at(45, 160).map((v, i) => Math.abs(v - ([192, 57, 43][i] ?? 0)) <= 30)).toEqual([true, true, true]);
    expect(api.sent("sendPhoto").map((c) => c.params["photo"])).not.toContainEqual(expect.stringContaining("/cards/"));
  });
});
