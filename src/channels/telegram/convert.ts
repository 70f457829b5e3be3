/**
 * Telegram `Update` (any JSON) → a normalized channel event, or an explicit "ignored" with a
 * reason. Pure and total: it never throws, whatever the input, so a webhook or the replay script
 * can feed it raw bodies. The bot serves people one-to-one, so only private chats count.
 */
import type { InboundMessage } from "../../engine/types.js";
import type { ContactProfile } from "../../runtime/runtime.js";
import { contactKeyOf } from "../../runtime/contact-key.js";
import type { ChannelEvent } from "../channel.js";
import {
  callbackQuerySchema,
  chatMemberUpdatedSchema,
  messageSchema,
  updateSchema,
  type TgChatMemberUpdated,
  type TgMessage,
  type TgUser,
} from "./update-schema.js";

export const TELEGRAM = "telegram";

/**
 * What one update becomes. `callbackQueryId` is set for every callback query (even an ignored one)
 * because Telegram shows a spinner until it is answered.
 */
export type TelegramInbound =
  | { type: "event"; event: ChannelEvent; callbackQueryId?: string }
  | { type: "ignored"; reason: string; updateId?: number; callbackQueryId?: string };

/** Update fields we deliberately do not act on, with why. */
const IGNORED_KINDS: Record<string, string> = {
  edited_message: "edited message (answers are taken as first sent)",
  channel_post: "channel post",
  edited_channel_post: "edited channel post",
  chat_member: "chat member update of another user",
};

export function convertUpdate(raw: unknown): TelegramInbound {
  const update = updateSchema.safeParse(raw);
  if (!update.success) return { type: "ignored", reason: "not a Telegram update (no numeric update_id)" };
  const body = update.data as Record<string, unknown>;
  const updateId = update.data.update_id;
  const eventId = String(updateId);
  if ("message" in body) return fromMessage(body["message"], eventId, updateId);
  if ("callback_query" in body) return fromCallbackQuery(body["callback_query"], eventId, updateId);
  if ("my_chat_member" in body) return fromMyChatMember(body["my_chat_member"], eventId, updateId);
  const kind = Object.keys(body).find((k) => k !== "update_id") ?? "(empty)";
  return { type: "ignored", updateId, reason: IGNORED_KINDS[kind] ?? `unsupported update type: ${kind}` };
}

function fromMessage(raw: unknown, eventId: string, updateId: number): TelegramInbound {
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) return { type: "ignored", updateId, reason: "malformed message" };
  const msg = parsed.data;
  if (msg.chat.type !== "private") return { type: "ignored", updateId, reason: `not a private chat (${msg.chat.type})` };
  if (!msg.from || msg.from.is_bot) return { type: "ignored", updateId, reason: "message not sent by a person" };
  const base = { channel: TELEGRAM, eventId, contactKey: contactKeyOf({ channel: TELEGRAM, address: String(msg.chat.id) }) };
  const message = messageContent(msg, msg.from, base);
  if ("ignored" in message) return { type: "ignored", updateId, reason: message.ignored };
  const phone = message.contact?.isOwn ? message.contact.phone : undefined;
  return { type: "event", event: { type: "message", message, profile: profileOf(msg.from, phone) } };
}

type Base = Pick<InboundMessage, "channel" | "eventId" | "contactKey">;

function messageContent(msg: TgMessage, from: TgUser, base: Base): InboundMessage | { ignored: string } {
  if (msg.text !== undefined) return fromText(msg.text, base);
  if (msg.photo) {
    const largest = msg.photo.reduce((a, b) => (area(b) >= area(a) ? b : a));
    return { ...base, kind: "photo", media: largest.file_id, ...(msg.caption ? { text: msg.caption } : {}) };
  }
  if (msg.contact) {
    // Only a contact carrying the sender's own user id is theirs (a request_contact reply); a
    // forwarded or typed-in card proves nothing about the sender's number.
    const isOwn = msg.contact.user_id !== undefined && msg.contact.user_id === from.id;
    return { ...base, kind: "contact", contact: { phone: msg.contact.phone_number, isOwn } };
  }
  if (msg.location) return { ...base, kind: "location", location: { lat: msg.location.latitude, lon: msg.location.longitude } };
  const kind = Object.keys(msg).find((k) => UNSUPPORTED_CONTENT.has(k));
  return { ignored: kind ? `unsupported message content: ${kind}` : "message without supported content" };
}

const UNSUPPORTED_CONTENT = new Set([
  "voice", "audio", "video", "video_note", "document", "sticker", "animation", "poll", "dice", "venue", "game",
  "new_chat_members", "left_chat_member", "pinned_message", "story",
]);

const COMMAND = /^\/([A-Za-z0-9_]{1,64})(?:@[A-Za-z0-9_]+)?(?:\s+([\s\S]*))?$/;

function fromText(text: string, base: Base): InboundMessage {
  const command = COMMAND.exec(text.trim());
  if (!command) return { ...base, kind: "text", text };
  const name = (command[1] ?? "").toLowerCase();
  const args = (command[2] ?? "").trim();
  // `/start <payload>` is how t.me/<bot>?start=<payload> deep links arrive.
  const payload = name === "start" && args !== "" ? { payload: args } : {};
  return { ...base, kind: "command", text: args === "" ? `/${name}` : `/${name} ${args}`, ...payload };
}

function fromCallbackQuery(raw: unknown, eventId: string, updateId: number): TelegramInbound {
  const parsed = callbackQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const id = (raw as { id?: unknown } | null)?.id;
    return { type: "ignored", updateId, reason: "malformed callback query", ...(typeof id === "string" ? { callbackQueryId: id } : {}) };
  }
  const query = parsed.data;
  const ignored = (reason: string): TelegramInbound => ({ type: "ignored", updateId, reason, callbackQueryId: query.id });
  if (query.message && query.message.chat.type !== "private") return ignored(`not a private chat (${query.message.chat.type})`);
  if (query.data === undefined || query.data === "") return ignored("callback query without data");
  const chatId = query.message?.chat.id ?? query.from.id;
  const message: InboundMessage = {
    channel: TELEGRAM,
    eventId,
    contactKey: contactKeyOf({ channel: TELEGRAM, address: String(chatId) }),
    kind: "choice",
    choice: query.data,
  };
  return { type: "event", event: { type: "message", message, profile: profileOf(query.from) }, callbackQueryId: query.id };
}

/** Statuses of the bot in a private chat: `kicked` means the person blocked it, `member` that they (re)started it. */
const REACHABILITY: Record<string, boolean> = { kicked: false, left: false, member: true };

function fromMyChatMember(raw: unknown, eventId: string, updateId: number): TelegramInbound {
  const parsed = chatMemberUpdatedSchema.safeParse(raw);
  if (!parsed.success) return { type: "ignored", updateId, reason: "malformed my_chat_member" };
  const change: TgChatMemberUpdated = parsed.data;
  if (change.chat.type !== "private") return { type: "ignored", updateId, reason: `bot membership in a ${change.chat.type} chat` };
  const reachable = REACHABILITY[change.new_chat_member.status];
  if (reachable === undefined) return { type: "ignored", updateId, reason: `bot status ${change.new_chat_member.status}` };
  const contactKey = contactKeyOf({ channel: TELEGRAM, address: String(change.chat.id) });
  return { type: "event", event: { type: "reachability", channel: TELEGRAM, eventId, contactKey, reachable, at: new Date(change.date * 1000) } };
}

function area(size: { width?: number; height?: number; file_size?: number }): number {
  return size.width !== undefined && size.height !== undefined ? size.width * size.height : (size.file_size ?? 0);
}

function profileOf(from: TgUser, phone?: string): ContactProfile {
  const name = [from.first_name, from.last_name].filter((p) => p !== undefined && p.trim() !== "").join(" ");
  return { ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
}
