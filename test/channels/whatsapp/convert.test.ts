/** The pure WhatsApp converter over the project's own fixtures (real Baileys shapes). */
import { proto } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { convertMessage, convertUpsert, type WhatsAppInbound } from "../../../src/channels/whatsapp/convert.js";
import { parseMediaRef } from "../../../src/channels/whatsapp/media-ref.js";
import { foldForMatch, normalizeInput } from "../../../src/engine/text/normalize.js";
import { fixture } from "./fixture.js";
import { expectWellFormed } from "./well-formed.js";

const PHONE = "919812345678";
const LID = "203957148620319@lid";

function message(result: WhatsAppInbound) {
  expectWellFormed(result);
  if (result.type !== "event") throw new Error(`expected an event, got ignored: ${result.reason}`);
  return result.event.message;
}

function ignoredReason(result: WhatsAppInbound): string {
  expectWellFormed(result);
  if (result.type !== "ignored") throw new Error(`expected ignored, got ${result.event.message.kind}`);
  return result.reason;
}

describe("WhatsApp converter: messages in", () => {
  it("plain text (conversation) from a phone JID, with the sender's name and verified phone", () => {
    const result = convertMessage(fixture("text-conversation.json"));
    expect(result).toEqual({
      type: "event",
      event: {
        type: "message",
        message: { channel: "whatsapp", eventId: `${PHONE}:3EB0C431D5A8F2E1B7A94C06D2F1E8A3`, contactKey: `whatsapp:${PHONE}`, kind: "text", text: "नमस्ते" },
        profile: { name: "सुनीता देवी", phone: PHONE },
      },
      sentAt: new Date(1637176806 * 1000),
    });
  });

  it("numbered answers pass as text; the engine's normalization reads Devanagari digits and a trailing dot", () => {
    const devanagari = message(convertMessage(fixture("text-numbered-devanagari.json")));
    expect(devanagari).toMatchObject({ kind: "text", text: "१" });
    expect(normalizeInput(devanagari.text ?? "")).toBe("1");
    const dotted = message(convertMessage(fixture("extended-text-reply.json")));
    expect(dotted).toMatchObject({ kind: "text", text: "2." });
    expect(foldForMatch(dotted.text ?? "")).toBe("2");
  });

  it("a reply (extendedTextMessage) in pn addressing mode keeps the phone contact", () => {
    expect(message(convertMessage(fixture("extended-text-reply.json"))).contactKey).toBe(`whatsapp:${PHONE}`);
  });

  it("an image: the media ref holds what downloading it needs, the caption is its text", () => {
    const photo = message(convertMessage(fixture("image-caption.json")));
    expect(photo).toMatchObject({ kind: "photo", text: "मेरा फ़ोटो" });
    expect(parseMediaRef(photo.media ?? "")).toEqual({
      url: expect.stringMatching(/^https:\/\/mmg\.whatsapp\.net\/v\/t62/),
      directPath: expect.stringMatching(/^\/v\/t62\.7118-24\//),
      mediaKey: "c2FtcGxlbWVkaWFrZXkxMjM0NTY3ODkwYWJjZGVmZ2g=",
      fileSha256: "mZ6Pz0S8r9vC2a2XJk0YQmE1t3n9Yh0dQ6u0z1b2c3A=",
      fileEncSha256: "bG9yZW1pcHN1bWRvbG9yc2l0YW1ldGNvbnNlY3RldHU=",
      fileLength: 84213,
    });
    const bare = message(convertMessage(fixture("image-no-caption.json")));
    expect(bare).toMatchObject({ kind: "photo", media: expect.stringMatching(/^wa-media:v1:/) });
    expect(bare.text).toBeUndefined();
  });

  it("unwraps ephemeral (disappearing) and view-once wrappers", () => {
    expect(message(convertMessage(fixture("ephemeral-text.json")))).toMatchObject({ kind: "text", text: "हाँ" });
    expect(message(convertMessage(fixture("view-once-image.json")))).toMatchObject({ kind: "photo", text: "एक बार देखें" });
  });

  it("a captioned document answers with its caption", () => {
    expect(message(convertMessage(fixture("document-caption.json")))).toMatchObject({ kind: "text", text: "1" });
  });

  it("a location", () => {
    expect(message(convertMessage(fixture("location.json")))).toMatchObject({ kind: "location", location: { lat: 25.5940947, lon: 85.1375645 } });
  });

  it("a contact card is the sender's own only when its waid is the sender's number", () => {
    expect(message(convertMessage(fixture("contact-own.json"))).contact).toEqual({ phone: PHONE, isOwn: true });
    expect(message(convertMessage(fixture("contact-other.json"))).contact).toEqual({ phone: "919876500000", isOwn: false });
    // From a LID with no known phone, nothing proves the card is theirs.
    const fromLid = withKey(fixture("contact-own.json"), { remoteJid: LID });
    expect(message(convertMessage(fromLid)).contact).toEqual({ phone: PHONE, isOwn: false });
  });
});

describe("WhatsApp converter: LID and phone JIDs of one person are one contact", () => {
  it("a LID message with remoteJidAlt uses the phone", () => {
    const m = message(convertMessage(fixture("lid-with-alt.json")));
    expect(m.contactKey).toBe(`whatsapp:${PHONE}`);
    expect(m.eventId).toBe(`${PHONE}:AC5E2B7F91D04C3A8E6B1F2D3C4A5B6E`);
  });

  it("a LID message without remoteJidAlt uses a mapping the adapter looked up", () => {
    const result = convertMessage(fixture("lid-without-alt.json"), new Map([[LID, PHONE]]));
    expect(message(result).contactKey).toBe(`whatsapp:${PHONE}`);
    if (result.type === "event") expect(result.event.profile).toEqual({ name: "सुनीता देवी", phone: PHONE });
  });

  it("a LID with no known phone becomes its own address, without a phone in the profile", () => {
    const result = convertMessage(fixture("lid-without-alt.json"));
    expect(message(result).contactKey).toBe(`whatsapp:${LID}`);
    if (result.type === "event") expect(result.event.profile).toEqual({ name: "सुनीता देवी" });
  });

  it("a LID with a device suffix is the same LID", () => {
    const withDevice = withKey(fixture("lid-without-alt.json"), { remoteJid: "203957148620319:12@lid" });
    expect(message(convertMessage(withDevice)).contactKey).toBe(`whatsapp:${LID}`);
  });
});

describe("WhatsApp converter: ignored, with a reason", () => {
  it.each([
    ["group-text.json", "group message"],
    ["status-broadcast.json", "status broadcast"],
    ["from-me.json", "own message"],
    ["reaction.json", "reaction (not an answer)"],
    ["revoke.json", "protocol message (REVOKE)"],
    ["edited.json", "edited message (answers are taken as first sent)"],
    ["voice-note.json", "unsupported message content: audioMessage"],
    ["stub-undecryptable.json", "message without content (stub 2)"],
  ])("%s → %s", (file, reason) => {
    expect(ignoredReason(convertMessage(fixture(file)))).toBe(reason);
  });

  it("an edit with a numeric protocol type is an edit too", () => {
    const edited = fixture<{ message: { editedMessage: { message: { protocolMessage: { type: unknown } } } } }>("edited.json");
    edited.message.editedMessage.message.protocolMessage.type = proto.Message.ProtocolMessage.Type.MESSAGE_EDIT;
    expect(ignoredReason(convertMessage(edited))).toBe("edited message (answers are taken as first sent)");
  });

  it("only notify upserts carry new messages", () => {
    const [append] = convertUpsert(fixture("append-upsert.json"));
    expect(append).toEqual({ type: "ignored", reason: "upsert of type append (history or own sends, not new messages)", messageId: "3EB0112233445566778899AABBCCDDEE" });
    const notify = convertUpsert({ type: "notify", messages: [fixture("text-conversation.json"), fixture("group-text.json")] });
    expect(notify.map((r) => r.type)).toEqual(["event", "ignored"]);
  });
});

describe("WhatsApp converter: timestamps", () => {
  const at = (ts: unknown) => {
    const result = convertMessage({ ...fixture<Record<string, unknown>>("text-conversation.json"), messageTimestamp: ts });
    return result.type === "event" ? result.sentAt : "ignored";
  };
  const expected = new Date(1736929876 * 1000);

  it("accepts numbers, decimal strings and serialized protobuf Longs", () => {
    expect(at(1736929876)).toEqual(expected);
    expect(at("1736929876")).toEqual(expected);
    expect(at({ low: 1736929876, high: 0, unsigned: true })).toEqual(expected);
  });

  it("accepts a live protobuf Long from a decoded WebMessageInfo", () => {
    const encoded = proto.WebMessageInfo.encode({ key: { remoteJid: `${PHONE}@s.whatsapp.net`, fromMe: false, id: "3EB0LIVE" }, message: { conversation: "नमस्ते" }, messageTimestamp: 1736929876 }).finish();
    const live = proto.WebMessageInfo.decode(encoded);
    expect(typeof live.messageTimestamp).toBe("object");
    const result = convertMessage(live);
    expect(message(result)).toMatchObject({ kind: "text", text: "नमस्ते", contactKey: `whatsapp:${PHONE}` });
    if (result.type === "event") expect(result.sentAt).toEqual(expected);
  });

  it("leaves sentAt out when the timestamp is missing or garbage, and still converts", () => {
    expect(at(undefined)).toBeUndefined();
    expect(at("yesterday")).toBeUndefined();
    expect(at(-5)).toBeUndefined();
  });
});

describe("WhatsApp converter: never throws", () => {
  const junk: unknown[] = [null, undefined, 0, "", "text", [], {}, { key: null }, { key: { remoteJid: 5, id: "x" } }, { messages: "no", type: "notify" }];

  it.each(junk.map((j) => [JSON.stringify(j) ?? "undefined", j]))("junk %s → ignored", (_label, raw) => {
    expectWellFormed(convertMessage(raw));
    for (const result of convertUpsert(raw)) expectWellFormed(result);
  });

  it("survives every field of every fixture replaced by a value of the wrong type", () => {
    const names = ["text-conversation.json", "extended-text-reply.json", "image-caption.json", "ephemeral-text.json", "view-once-image.json", "edited.json", "location.json", "contact-own.json", "lid-with-alt.json", "reaction.json"];
    const replacements: unknown[] = [null, 7, "x", [], {}, true, { low: "a" }];
    let runs = 0;
    for (const name of names) {
      const original = fixture(name);
      for (const path of leafAndNodePaths(original)) {
        for (const replacement of replacements) {
          expectWellFormed(convertMessage(replaceAt(structuredClone(original), path, replacement)));
          runs++;
        }
      }
    }
    expect(runs).toBeGreaterThan(500);
  });
});

function withKey(raw: Record<string, unknown>, key: Record<string, unknown>): Record<string, unknown> {
  return { ...raw, key: { ...(raw["key"] as object), remoteJidAlt: undefined, ...key } };
}

function leafAndNodePaths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== "object") return [prefix];
  return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafAndNodePaths(v, [...prefix, k]))].filter((p) => p.length > 0);
}

function replaceAt(root: Record<string, unknown>, path: string[], replacement: unknown): unknown {
  let node: Record<string, unknown> = root;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[path[path.length - 1] ?? ""] = replacement;
  return root;
}
