import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { convertUpdate } from "../../../src/channels/telegram/convert.js";
import { fixture, FIXTURES_DIR } from "./fixture.js";
import { expectWellFormed } from "./well-formed.js";

const ASHA = "telegram:700100200";

function message(name: string) {
  const result = convertUpdate(fixture(name));
  if (result.type !== "event" || result.event.type !== "message") throw new Error(`${name}: ${JSON.stringify(result)}`);
  return result.event;
}

function ignoredReason(name: string): string {
  const result = convertUpdate(fixture(name));
  if (result.type !== "ignored") throw new Error(`${name} should be ignored`);
  return result.reason;
}

describe("convertUpdate", () => {
  it("turns a private text into a text message keyed by chat id, with update_id as event id", () => {
    const { message: m, profile } = message("message-text.json");
    expect(m).toEqual({ channel: "telegram", eventId: "410000001", contactKey: ASHA, kind: "text", text: "नमस्ते, मुझे जुड़ना है" });
    expect(profile).toEqual({ name: "Asha Verma" });
  });

  it("turns /start <payload> into a command carrying the deep-link payload", () => {
    expect(message("message-command-start-payload.json").message).toMatchObject({ kind: "command", text: "/start ref_AB12CD", payload: "ref_AB12CD" });
  });

  it("strips the @botname of a command and keeps its arguments", () => {
    const { message: m } = message("message-command-botname.json");
    expect(m).toMatchObject({ kind: "command", text: "/help camps" });
    expect(m.payload).toBeUndefined();
  });

  it("turns a callback query into a choice and asks for it to be answered", () => {
    const result = convertUpdate(fixture("callback-query.json"));
    expect(result).toMatchObject({ type: "event", callbackQueryId: "3005624816893512345" });
    expect(message("callback-query.json").message).toMatchObject({ kind: "choice", choice: "camps", contactKey: ASHA });
  });

  it("takes the largest photo size and the caption as text", () => {
    expect(message("message-photo-caption.json").message).toMatchObject({ kind: "photo", media: "AgACAgUAAxkBAAIBsmE-large", text: "शिविर की फ़ोटो" });
  });

  it("marks a shared contact as own only when its user_id is the sender's, and only then keeps the phone", () => {
    const own = message("message-contact-own.json");
    expect(own.message.contact).toEqual({ phone: "+919812345678", isOwn: true });
    expect(own.profile).toEqual({ name: "Asha Verma", phone: "+919812345678" });
    const other = message("message-contact-other.json");
    expect(other.message.contact).toEqual({ phone: "919900011122", isOwn: false });
    expect(other.profile?.phone).toBeUndefined();
    expect(message("message-contact-no-user-id.json").message.contact).toEqual({ phone: "9876543210", isOwn: false });
  });

  it("turns a location into lat/lon", () => {
    expect(message("message-location.json").message).toMatchObject({ kind: "location", location: { lat: 26.8467, lon: 80.9462 } });
  });

  it("reports my_chat_member kicked as unreachable and member as reachable again", () => {
    expect(convertUpdate(fixture("my-chat-member-kicked.json"))).toEqual({
      type: "event",
      event: { type: "reachability", channel: "telegram", eventId: "410000015", contactKey: ASHA, reachable: false, at: new Date(1735700100_000) },
    });
    expect(convertUpdate(fixture("my-chat-member-member.json"))).toMatchObject({ event: { reachable: true, at: new Date(1735700200_000) } });
  });

  it("ignores edits, voice, documents, group messages and channel posts with a reason", () => {
    expect(ignoredReason("edited-message.json")).toMatch(/edited/);
    expect(ignoredReason("message-voice.json")).toBe("unsupported message content: voice");
    expect(ignoredReason("message-document.json")).toBe("unsupported message content: document");
    expect(ignoredReason("message-group-text.json")).toBe("not a private chat (supergroup)");
    expect(ignoredReason("channel-post.json")).toBe("channel post");
  });

  it("answers even a callback query it ignores, so the button stops spinning", () => {
    const update = { update_id: 5, callback_query: { id: "q1", from: { id: 1 }, chat_instance: "x", game_short_name: "g" } };
    expect(convertUpdate(update)).toMatchObject({ type: "ignored", callbackQueryId: "q1", reason: "callback query without data" });
  });

  it("never throws, whatever the JSON", () => {
    const junk: unknown[] = [
      null, 42, "update", [], {}, { update_id: "1" }, { update_id: -1 }, { update_id: 1 },
      { update_id: 1, message: null }, { update_id: 1, message: { chat: { id: 1, type: "private" } } },
      { update_id: 1, message: { message_id: 1, chat: { id: 1, type: "private" }, from: { id: 1 }, photo: [] } },
      { update_id: 1, callback_query: 7 }, { update_id: 1, my_chat_member: { chat: {} } }, { update_id: 1, poll: {} },
    ];
    for (const raw of junk) {
      const result = convertUpdate(raw);
      expect(result.type, JSON.stringify(raw)).toBe("ignored");
      expectWellFormed(result);
    }
  });

  it("gives every own fixture a well-formed result", () => {
    for (const name of readdirSync(FIXTURES_DIR).filter((f) => f.endsWith(".json"))) expectWellFormed(convertUpdate(fixture(name)));
  });
});
