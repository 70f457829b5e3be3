/**
 * The content of one unwrapped WhatsApp message → the content fields of an `InboundMessage`, or
 * why it is ignored. Numbered answers (`1`, `१`, `2.`) are plain text: the engine normalizes
 * Indic digits and maps numbers to the options it showed.
 */
import { proto } from "@whiskeysockets/baileys";
import type { InboundMessage } from "../../engine/types.js";
import { mediaRefOf } from "./media-ref.js";
import { contentSchema, type WaContent } from "./message-schema.js";
import { phoneFromVcard } from "./vcard.js";

export type Content = Pick<InboundMessage, "kind" | "text" | "choice" | "media" | "contact" | "location">;

export interface ContentContext {
  /** The sender's own phone digits, when known: a contact card with this number is theirs. */
  senderPhone?: string;
}

/** Keys of a message object that are metadata, not content. */
const NOT_CONTENT = new Set(["messageContextInfo", "senderKeyDistributionMessage"]);

export function readContent(normalized: object, ctx: ContentContext): Content | { ignored: string } {
  const parsed = contentSchema.safeParse(normalized);
  if (!parsed.success) return { ignored: "malformed message content" };
  const c = parsed.data;
  if (c.protocolMessage) return { ignored: protocolReason(c.protocolMessage.type) };
  if (c.reactionMessage) return { ignored: "reaction (not an answer)" };
  const text = nonEmpty(c.conversation) ?? nonEmpty(c.extendedTextMessage?.text);
  if (text !== undefined) return { kind: "text", text };
  // The media reference carries what downloading the image needs (see media-ref.ts).
  if (c.imageMessage) return { kind: "photo", media: mediaRefOf((normalized as { imageMessage?: unknown }).imageMessage), ...optionalText(c.imageMessage.caption) };
  // A captioned video or document answers with its caption; the file itself is not an input we take.
  const caption = nonEmpty(c.videoMessage?.caption) ?? nonEmpty(c.documentMessage?.caption);
  if (caption !== undefined) return { kind: "text", text: caption };
  const location = c.locationMessage ?? c.liveLocationMessage;
  if (location) return fromLocation(location.degreesLatitude, location.degreesLongitude);
  if (c.contactMessage) return fromContactCard(c.contactMessage.vcard, ctx.senderPhone);
  const choice = legacyChoice(c);
  if (choice !== undefined) return { kind: "choice", choice };
  const kind = Object.keys(normalized).find((k) => k.endsWith("Message") && !NOT_CONTENT.has(k));
  return { ignored: kind ? `unsupported message content: ${kind}` : "message without supported content" };
}

function fromLocation(lat: number | null | undefined, lon: number | null | undefined): Content | { ignored: string } {
  const valid = typeof lat === "number" && typeof lon === "number" && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
  return valid ? { kind: "location", location: { lat, lon } } : { ignored: "location without valid coordinates" };
}

function fromContactCard(vcard: string | null | undefined, senderPhone: string | undefined): Content | { ignored: string } {
  const phone = vcard ? phoneFromVcard(vcard) : undefined;
  if (!phone) return { ignored: "contact card without a phone number" };
  // A card proves nothing about the sender unless it carries the number WhatsApp says they have.
  return { kind: "contact", contact: { phone, isOwn: senderPhone !== undefined && phone === senderPhone } };
}

/** Replies to buttons or lists sent by older tools: the selected id is the choice. */
function legacyChoice(c: WaContent): string | undefined {
  return (
    nonEmpty(c.buttonsResponseMessage?.selectedButtonId) ??
    nonEmpty(c.listResponseMessage?.singleSelectReply?.selectedRowId) ??
    nonEmpty(c.templateButtonReplyMessage?.selectedId)
  );
}

function protocolReason(type: number | string | null | undefined): string {
  const name = typeof type === "number" ? (proto.Message.ProtocolMessage.Type[type] ?? String(type)) : (type ?? "REVOKE");
  // Edits arrive as MESSAGE_EDIT: like Telegram, an answer counts as first sent.
  if (name === "MESSAGE_EDIT") return "edited message (answers are taken as first sent)";
  return `protocol message (${name})`;
}

function nonEmpty(text: string | null | undefined): string | undefined {
  return typeof text === "string" && text.trim() !== "" ? text : undefined;
}

function optionalText(text: string | null | undefined): { text?: string } {
  const t = nonEmpty(text);
  return t === undefined ? {} : { text: t };
}
