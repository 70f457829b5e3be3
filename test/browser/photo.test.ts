/** A newcomer enrols in the simulator page with a photo picked from disk, and gets a card with it. */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromium, type Browser, type Page } from "playwright-core";
import { PHOTO_BUCKET } from "../../src/store/members/photos.js";
import { CHROMIUM_ARGS, CHROMIUM_PATH, browserRequired, chromiumAvailable } from "../support/chromium.js";
import { testImage } from "../support/images.js";
import { startTestSampark, type TestSampark } from "../support/sampark.js";

describe.runIf(chromiumAvailable || browserRequired)("simulator page: enrolment with a photo", () => {
  let sampark: TestSampark;
  let browser: Browser;
  let page: Page;
  let dir = "";

  beforeAll(async () => {
    expect(chromiumAvailable, `Chromium is required here (${CHROMIUM_PATH})`).toBe(true);
    sampark = await startTestSampark();
    dir = await mkdtemp(path.join(tmpdir(), "sampark-photo-"));
    await writeFile(path.join(dir, "me.jpg"), await testImage(2400, 3200)); // a phone-sized photo
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.goto(await sampark.serve());
  });
  afterAll(async () => {
    await browser?.close();
    await sampark?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const bubbles = () => page.locator("#log li.bot").allTextContents();

  /** Sends `text` (or the photo) and waits for the bot's answer. */
  async function answer(text: string | "PHOTO"): Promise<string> {
    const before = (await bubbles()).length;
    if (text === "PHOTO") await page.setInputFiles("#photo", path.join(dir, "me.jpg"));
    else {
      await page.fill("#text", text);
      await page.click("#send");
    }
    await expect.poll(async () => (await bubbles()).length, { timeout: 15_000 }).toBeGreaterThan(before);
    await page.waitForTimeout(300); // the rest of the same turn
    return (await bubbles()).at(-1) ?? "";
  }

  it("uploads the photo with the 📷 button and prints it on the card", { timeout: 120_000 }, async () => {
    await page.fill("#contact-id", "browser-photo");
    await page.click("#switch");
    let asked = "";
    for (const text of ["hello", "english", "join"]) asked = await answer(text);
    const rules: [RegExp, string][] = [
      [/Before you join/, "yes"],
      [/full name/, "Lata Mishra"],
      [/How old/, "52"],
      [/mobile number/, "9812300077"],
      [/voter ID card/, "JKL7890122"],
      [/name or number of your assembly/, "170"],
      [/Choose your assembly|Choose your booth/, "1"],
      [/part number/, "12"],
      [/photo of yourself/, "PHOTO"],
      [/One optional question/, "no"],
      [/Please check/, "yes"],
      [/gender|address|SKIP|skip/i, "skip"],
    ];
    for (let i = 0; i < 30 && !(await bubbles()).some((t) => t.includes("digital membership card")); i++) {
      const rule = rules.find(([pattern]) => pattern.test(asked));
      if (!rule) throw new Error(`unexpected: ${asked}`);
      asked = await answer(rule[1]);
    }
    // The page shows the photo it sent, and the card the bot sent back.
    expect(await page.locator("#log li.me img").count()).toBe(1);
    await expect.poll(() => page.locator("#log li.bot img").count(), { timeout: 10_000 }).toBe(1);
    const member = await sampark.connection.collection("members").findOne({ contactKeys: "web:browser-photo" });
    const [file] = await sampark.connection.collection(`${PHOTO_BUCKET}.files`).find({ "metadata.memberId": member?._id }).toArray();
    expect(file?.["length"]).toBeLessThan(60_000);
    expect(await page.locator("#status").textContent()).toBe("");
  });
});
