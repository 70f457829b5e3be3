/**
 * A person enrols by chat; the ID card the bot sends is fetched like a phone would, its QR code is
 * decoded from the pixels, and the URL it holds is opened: the page says the card is valid. The
 * same code with one character changed says invalid.
 */
import jsqr from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSampark, type TestSampark } from "../support/sampark.js";
import { pixelsOf } from "../cards/png.js";

const ANSWERS = ["hello", "english", "join", "yes", "Priya Sharma", "29", "female", "9876543202", "DEF2345676", "Sarojini", "1", "school", "more", "2", "skip", "skip", "yes", "Sikh", "skip", "yes"];

interface Reply {
  seq: number;
  text: string;
  image?: string;
}

describe("ID card from enrolment to verification", () => {
  let sampark: TestSampark;
  let url = "";
  const replies: Reply[] = [];

  beforeAll(async () => {
    sampark = await startTestSampark();
    url = await sampark.serve();
    let cursor = 0;
    for (const [i, text] of ANSWERS.entries()) {
      const res = await fetch(`${url}/api/chat/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contact: { id: "card-e2e" }, text, messageId: `card-e2e-${i}` }),
      });
      expect(res.status).toBe(200);
      const page = (await (await fetch(`${url}/api/chat/contacts/card-e2e/messages?after=${cursor}`)).json()) as { messages: Reply[]; cursor: number };
      replies.push(...page.messages);
      cursor = page.cursor;
    }
  });
  afterAll(async () => sampark?.stop());

  it("sends the card as an image right after enrolment, and its QR code verifies as valid", async () => {
    const card = replies.find((r) => r.image);
    expect(card, `replies: ${JSON.stringify(replies.map((r) => r.text))}`).toBeDefined();
    const imagePath = new URL(card!.image!).pathname;
    const png = await fetch(`${url}${imagePath}`);
    expect(png.headers.get("content-type")).toBe("image/png");
    const pixels = await pixelsOf(Buffer.from(await png.arrayBuffer()));
    const qr = jsqr.default(pixels.data, pixels.width, pixels.height)?.data;
    expect(qr).toMatch(/\/verify\/[A-Z0-9]+\.[A-Za-z0-9_-]+$/);

    const verifyPath = new URL(qr!).pathname;
    const page = await fetch(`${url}${verifyPath}`, { headers: { accept: "text/html" } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-status="valid"');

    const code = verifyPath.split("/").at(-1)!;
    const tampered = code.slice(0, -1) + (code.endsWith("A") ? "B" : "A");
    const forged = await fetch(`${url}/verify/${tampered}`, { headers: { accept: "application/json" } });
    expect(await forged.json()).toEqual({ status: "invalid" });
  });

  it("says revoked once the member has erased their data", async () => {
    const card = replies.find((r) => r.image)!;
    const code = new URL(card.image!).pathname.split("/").at(-1)!.replace(/\.png$/, "");
    let cursor = replies.at(-1)!.seq;
    for (const [i, text] of ["delete my data", "yes"].entries()) {
      await fetch(`${url}/api/chat/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ contact: { id: "card-e2e" }, text, messageId: `card-e2e-erase-${i}` }),
      });
      const page = (await (await fetch(`${url}/api/chat/contacts/card-e2e/messages?after=${cursor}`)).json()) as { messages: Reply[]; cursor: number };
      cursor = page.cursor;
    }
    const res = await fetch(`${url}/verify/${code}`, { headers: { accept: "application/json" } });
    expect(await res.json()).toMatchObject({ status: "revoked" });
    expect((await fetch(`${url}/cards/${code}.png`)).status).toBe(404);
  });
});
