import { describe, expect, it } from "vitest";
import { renderPayload } from "../../src/channels/render.js";
import { splitText } from "../../src/channels/split-text.js";
import { TELEGRAM_CAPABILITIES as CAPS } from "../../src/channels/telegram/telegram-channel.js";

const para = (n: number, ch = "क") => ch.repeat(n);

describe("splitText", () => {
  it("keeps a text that fits in one piece", () => {
    expect(splitText("नमस्ते", 4096)).toEqual(["नमस्ते"]);
  });

  it("cuts at the last paragraph break, then line break, then space", () => {
    expect(splitText(`${para(6)}\n\n${para(3)}\n${para(3)}`, 10)).toEqual([para(6), `${para(3)}\n${para(3)}`]);
    expect(splitText(`${para(6)}\n${para(6)}`, 10)).toEqual([para(6), para(6)]);
    expect(splitText("aaaa bbbb cccc", 10)).toEqual(["aaaa bbbb", "cccc"]);
  });

  it("cuts hard when there is no boundary, never inside a surrogate pair", () => {
    expect(splitText("a".repeat(25), 10)).toEqual(["a".repeat(10), "a".repeat(10), "a".repeat(5)]);
    const emoji = `${"a".repeat(9)}😀${"b".repeat(5)}`;
    const pieces = splitText(emoji, 10);
    expect(pieces.join("")).toBe(emoji);
    expect(pieces.every((p) => p.length <= 10 && !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });

  it("splits a 10,000-character notice into parts of at most 4096 at paragraph ends", () => {
    const text = Array.from({ length: 20 }, (_, i) => `${i}. ${para(480)}`).join("\n\n");
    const pieces = splitText(text, 4096);
    expect(pieces.length).toBe(3);
    expect(pieces.every((p) => p.length <= 4096)).toBe(true);
    expect(pieces.join("\n\n")).toBe(text);
  });
});

describe("renderPayload (Telegram capabilities)", () => {
  const choices = [{ id: "join", label: "सदस्य बनें" }, { id: "camps", label: "शिविर" }];

  it("puts choices as buttons on the last text part", () => {
    const parts = renderPayload({ text: `${para(4000)}\n\n${para(200)}`, choices }, CAPS);
    expect(parts).toEqual([{ type: "text", text: para(4000) }, { type: "text", text: para(200), choices }]);
  });

  it("falls back to a numbered list when a choice id does not fit 64 bytes of callback data", () => {
    const long = [{ id: "क".repeat(22), label: "लंबा" }, { id: "x", label: "छोटा" }]; // 66 bytes in UTF-8
    expect(renderPayload({ text: "चुनें:", choices: long }, CAPS)).toEqual([{ type: "text", text: "चुनें:\n\n1. लंबा\n2. छोटा" }]);
  });

  it("sends a photo with the text as caption when it fits 1024", () => {
    expect(renderPayload({ text: "आपका कार्ड", image: "https://example.org/card.png", choices }, CAPS)).toEqual([
      { type: "photo", media: "https://example.org/card.png", caption: "आपका कार्ड", choices },
    ]);
  });

  it("sends a longer text after an uncaptioned document", () => {
    const parts = renderPayload({ text: para(1500), document: "BQACdoc" }, CAPS);
    expect(parts).toEqual([{ type: "document", media: "BQACdoc" }, { type: "text", text: para(1500) }]);
  });

  it("sends media alone when there is no text", () => {
    expect(renderPayload({ text: "", image: "AgACphoto" }, CAPS)).toEqual([{ type: "photo", media: "AgACphoto" }]);
  });
});
