/**
 * Phones for LID senders whose messages carry no `remoteJidAlt`, from Baileys' LID mapping store
 * (kept in our auth state as `lid-mapping` keys). The lookups are the only I/O of conversion;
 * done up front, they leave the converter pure.
 */
import { jidNormalizedUser } from "@whiskeysockets/baileys";
import type { LidPhones } from "./convert.js";
import { classifyJid } from "./jid.js";
import type { WhatsAppSocket } from "./socket.js";

export async function lookUpLidPhones(socket: WhatsAppSocket, messages: readonly unknown[]): Promise<LidPhones> {
  const lids = new Set<string>();
  for (const m of messages) {
    const key = (m as { key?: { remoteJid?: unknown; remoteJidAlt?: unknown } } | null)?.key;
    if (typeof key?.remoteJid === "string" && !key.remoteJidAlt && classifyJid(key.remoteJid).type === "lid") lids.add(jidNormalizedUser(key.remoteJid));
  }
  const phones = new Map<string, string>();
  for (const lid of lids) {
    // An unknown mapping, or a failed lookup, leaves the LID as the contact's address.
    const pn = await socket.signalRepository.lidMapping.getPNForLID(lid).catch(() => null);
    const chat = pn ? classifyJid(pn) : undefined;
    if (chat?.type === "phone") phones.set(lid, chat.digits);
  }
  return phones;
}
