/** Outbound parts → `sendMessage` arguments. */
import { describe, expect, it } from "vitest";
import { outboundContent } from "../../../src/channels/whatsapp/outbound-content.js";
import { classifyWhatsAppError } from "../../../src/channels/whatsapp/classify.js";
import { WHATSAPP_CAPABILITIES } from "../../../src/channels/whatsapp/whatsapp-channel.js";
import { renderPayload } from "../../../src/channels/render.js";

describe("outboundContent", () => {
  it("addresses phones and unresolved LIDs", () => {
    expect(outboundContent({ recipient: "919812345678", part: { type: "text", text: "नमस्ते" } })).toEqual({ jid: "919812345678@s.whatsapp.net", content: { text: "नमस्ते" } });
    expect(outboundContent({ recipient: "203957148620319@lid", part: { type: "text", text: "x" } }).jid).toBe("203957148620319@lid");
  });

  it("sends photos and documents by URL, with caption, file name and mimetype", () => {
    expect(outboundContent({ recipient: "919812345678", part: { type: "photo", media: "https://example.org/card.png", caption: "कार्ड" } }).content).toEqual({
      image: { url: "https://example.org/card.png" },
      caption: "कार्ड",
    });
    expect(outboundContent({ recipient: "919812345678", part: { type: "document", media: "file:///srv/forms/%E0%A4%AB%E0%A5%89%E0%A4%B0%E0%A5%8D%E0%A4%AE.pdf" } }).content).toEqual({
      document: { url: "/srv/forms/फॉर्म.pdf" },
      mimetype: "application/pdf",
      fileName: "फॉर्म.pdf",
    });
  });

  it("sends our own card as its bytes, whatever its URL", () => {
    const own = { bytes: Buffer.from("png"), filename: "UP0000001W.png", mimetype: "image/png" };
    const card = "http://localhost:3000/cards/UP0000001W.abc.png";
    expect(outboundContent({ recipient: "919812345678", part: { type: "photo", media: card, caption: "कार्ड" } }, own).content).toEqual({ image: own.bytes, caption: "कार्ड" });
    expect(outboundContent({ recipient: "919812345678", part: { type: "document", media: card } }, own).content).toEqual({
      document: own.bytes,
      mimetype: "image/png",
      fileName: "UP0000001W.png",
    });
  });

  it.each([
    ["a group", "120363025246125888@g.us", "https://example.org/a.png"],
    ["junk", "not-a-number", "https://example.org/a.png"],
    ["a Telegram file id as media", "919812345678", "AgACAgIAAxkBAAIB"],
  ])("refuses %s as invalid", (_name, recipient, media) => {
    let error: unknown;
    try {
      outboundContent({ recipient, part: { type: "photo", media } });
    } catch (e) {
      error = e;
    }
    expect(classifyWhatsAppError(error)).toEqual({ kind: "invalid" });
  });
});

describe("rendering for WhatsApp", () => {
  it("numbers the choices in the text (buttons are deprecated) and keeps no button data", () => {
    const parts = renderPayload({ text: "भाषा चुनें", choices: [{ id: "hi", label: "हिन्दी" }, { id: "en", label: "English" }] }, WHATSAPP_CAPABILITIES);
    expect(parts).toEqual([{ type: "text", text: "भाषा चुनें\n\n1. हिन्दी\n2. English" }]);
  });

  it("splits text over 4096 characters and keeps a long caption out of the photo", () => {
    const long = "क".repeat(5000);
    expect(renderPayload({ text: long }, WHATSAPP_CAPABILITIES).map((p) => (p.type === "text" ? p.text.length : 0))).toEqual([4096, 904]);
    const withPhoto = renderPayload({ text: "ख".repeat(1500), image: "https://example.org/a.png" }, WHATSAPP_CAPABILITIES);
    expect(withPhoto.map((p) => p.type)).toEqual(["photo", "text"]);
  });
});
