/**
 * Baileys `messages.upsert` payloads and `WAMessage`s (live protobuf objects or their JSON
 * captures) → normalized channel events, or an explicit "ignored" with a reason. Pure and total:
 * it never throws, whatever the input, so the adapter and the replay script can feed it anything.
 * The bot serves people one-to-one: groups, status updates, broadcasts and our own messages are
 * ignored; only `notify` upserts are new messages (`append` is history and our own sends).
 */
import { normalizeMessageContent, type proto } from "@whiskeysockets/baileys";
import type { ContactProfile } from "../../runtime/runtime.js";
import { contactKeyOf } from "../../runtime/contact-key.js";
import { assertNever } from "../../util/assert-never.js";
import type { ChannelEvent } from "../channel.js";
import { readContent } from "./content.js";
import { classifyJid, resolveSender, type Sender } from "./jid.js";
import { upsertSchema, waMessageSchema } from "./message-schema.js";
import { parseTimestamp } from "./timestamp.js";

export const WHATSAPP = "whatsapp";

export type WhatsAppInbound =
  | { type: "event"; event: Extract<ChannelEvent, { type: "message" }>; sentAt?: Date }
  | { type: "ignored"; reason: string; messageId?: string };

/** Normalized LID JID → phone digits, for LID senders whose message carried no `remoteJidAlt`. */
export type LidPhones = ReadonlyMap<string, string>;

const NO_LID_PHONES: LidPhones = new Map();

/** One result per message of a `messages.upsert` event (`{ messages, type }`). */
export function convertUpsert(raw: unknown, lidPhones: LidPhones = NO_LID_PHONES): WhatsAppInbound[] {
  const upsert = upsertSchema.safeParse(raw);
  if (!upsert.success) return [{ type: "ignored", reason: "not a messages.upsert event ({ messages: [], type })" }];
  const { messages, type } = upsert.data;
  if (type === "notify") return messages.map((m) => convertMessage(m, lidPhones));
  return messages.map((m) => ({ type: "ignored", reason: `upsert of type ${type} (history or own sends, not new messages)`, ...idOf(m) }));
}

/**
 * A captured payload as operators save them: a whole `messages.upsert` event, one `WAMessage`
 * (taken as `notify`), or an array of them. For the replay script and the recorded-payload suite.
 */
export function convertCapture(raw: unknown): WhatsAppInbound[] {
  if (Array.isArray(raw)) return raw.map((m) => convertMessage(m));
  if (upsertSchema.safeParse(raw).success) return convertUpsert(raw);
  return [convertMessage(raw)];
}

/** One `WAMessage` of a `notify` upsert. */
export function convertMessage(raw: unknown, lidPhones: LidPhones = NO_LID_PHONES): WhatsAppInbound {
  const parsed = waMessageSchema.safeParse(raw);
  if (!parsed.success) return { type: "ignored", reason: "not a WAMessage (no key.remoteJid and key.id)" };
  const msg = parsed.data;
  const messageId = msg.key.id;
  const ignored = (reason: string): WhatsAppInbound => ({ type: "ignored", reason, messageId });
  if (msg.key.fromMe) return ignored("own message");

  const chat = classifyJid(msg.key.remoteJid);
  switch (chat.type) {
    case "phone":
    case "lid":
      break;
    case "group":
      return ignored("group message");
    case "status":
      return ignored("status broadcast");
    case "broadcast":
      return ignored("broadcast list message");
    case "newsletter":
      return ignored("newsletter (channel) message");
    case "other":
      return ignored(`unsupported chat (${chat.server})`);
    default:
      return assertNever(chat);
  }
  if (!msg.message) return ignored(`message without content${msg.messageStubType ? ` (stub ${msg.messageStubType})` : ""}`);

  const sender = resolveSender(chat, msg.key.remoteJidAlt ?? undefined, lidPhones);
  const normalized = normalizeMessageContent(msg.message as proto.IMessage);
  if (!normalized) return ignored("message without content");
  const content = readContent(normalized, sender.phone ? { senderPhone: sender.phone } : {});
  if ("ignored" in content) return ignored(content.ignored);

  const message = {
    channel: WHATSAPP,
    // Key ids are unique per sender, not globally: qualify them with the sender.
    eventId: `${sender.address}:${messageId}`,
    contactKey: contactKeyOf({ channel: WHATSAPP, address: sender.address }),
    ...content,
  };
  const sentAt = parseTimestamp(msg.messageTimestamp);
  return { type: "event", event: { type: "message", message, profile: profileOf(msg.pushName, sender) }, ...(sentAt ? { sentAt } : {}) };
}

function profileOf(pushName: string | null | undefined, sender: Sender): ContactProfile {
  const name = pushName?.trim();
  // WhatsApp vouches for the number a message comes from, unlike a typed-in one.
  return { ...(name ? { name } : {}), ...(sender.phone ? { phone: sender.phone } : {}) };
}

function idOf(raw: unknown): { messageId?: string } {
  const id = (raw as { key?: { id?: unknown } } | null)?.key?.id;
  return typeof id === "string" ? { messageId: id } : {};
}
