/**
 * WhatsApp JIDs ↔ our addresses. A person is `whatsapp:<phone digits>` whenever their phone JID is
 * known; a LID (WhatsApp's privacy id, common since 2025) is resolved to the phone when Baileys
 * knows the mapping, and only otherwise becomes the address itself (`<digits>@lid`), so one
 * person maps to one contact whichever addressing mode a message used.
 */
import { jidDecode, jidNormalizedUser } from "@whiskeysockets/baileys";

export type ChatJid =
  | { type: "phone"; digits: string }
  | { type: "lid"; jid: string }
  | { type: "group" | "status" | "broadcast" | "newsletter" }
  | { type: "other"; server: string };

const DIGITS = /^\d{5,20}$/;

export function classifyJid(jid: string): ChatJid {
  if (jid === "status@broadcast") return { type: "status" };
  const decoded = jidDecode(jid);
  if (!decoded) return { type: "other", server: "(not a JID)" };
  switch (decoded.server) {
    case "s.whatsapp.net":
    case "c.us":
    case "hosted":
      return DIGITS.test(decoded.user) ? { type: "phone", digits: decoded.user } : { type: "other", server: decoded.server };
    case "lid":
    case "hosted.lid":
      return DIGITS.test(decoded.user) ? { type: "lid", jid: jidNormalizedUser(jid) } : { type: "other", server: decoded.server };
    case "g.us":
      return { type: "group" };
    case "broadcast":
      return { type: "broadcast" };
    case "newsletter":
      return { type: "newsletter" };
    default:
      return { type: "other", server: decoded.server };
  }
}

/** Who sent a one-to-one message: the contact address, and the phone digits when known. */
export interface Sender {
  address: string;
  phone?: string;
}

/**
 * `remoteJidAlt` (Baileys v7) carries the other form of the chat JID; `lidPhones` holds mappings
 * the adapter looked up for LIDs without one (normalized LID JID → phone digits).
 */
export function resolveSender(chat: Extract<ChatJid, { type: "phone" | "lid" }>, alt: string | undefined, lidPhones: ReadonlyMap<string, string>): Sender {
  if (chat.type === "phone") return { address: chat.digits, phone: chat.digits };
  const altJid = alt ? classifyJid(alt) : undefined;
  const phone = altJid?.type === "phone" ? altJid.digits : lidPhones.get(chat.jid);
  return phone ? { address: phone, phone } : { address: chat.jid };
}

/** The JID to send to for an address from a contact key; undefined when it is not one of ours. */
export function addressToJid(address: string): string | undefined {
  if (DIGITS.test(address)) return `${address}@s.whatsapp.net`;
  const chat = classifyJid(address);
  return chat.type === "lid" && chat.jid === address ? address : undefined;
}
