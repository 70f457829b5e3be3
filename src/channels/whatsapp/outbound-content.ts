/**
 * One outbound part → the `sock.sendMessage(jid, content)` arguments. Choices are already a
 * numbered list in the text (WhatsApp deprecated buttons and lists for linked devices). Media we
 * host ourselves (an ID card, resolved beforehand into `own`) goes as its bytes; other media is a
 * URL Baileys fetches and uploads itself, or a `file://` URL read from disk.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { AnyMessageContent } from "@whiskeysockets/baileys";
import { assertNever } from "../../util/assert-never.js";
import type { OutboundMessage } from "../channel.js";
import type { OwnMediaFile } from "../media.js";
import { WhatsAppSendError } from "./classify.js";
import { addressToJid } from "./jid.js";

/** `own`: the bytes of the part's media when it is ours (see `OwnMedia`). */
export function outboundContent({ recipient, part }: OutboundMessage, own?: OwnMediaFile): { jid: string; content: AnyMessageContent } {
  const jid = addressToJid(recipient);
  if (!jid) throw new WhatsAppSendError(`not a WhatsApp address: ${recipient}`, { kind: "invalid" });
  switch (part.type) {
    case "text":
      return { jid, content: { text: part.text } };
    case "photo":
      return { jid, content: { image: own?.bytes ?? mediaUrl(part.media), ...caption(part.caption) } };
    case "document": {
      const name = own?.filename ?? fileName(part.media);
      return { jid, content: { document: own?.bytes ?? mediaUrl(part.media), mimetype: own?.mimetype ?? mimetypeOf(name), fileName: name, ...caption(part.caption) } };
    }
    default:
      return assertNever(part);
  }
}

function mediaUrl(ref: string): { url: string } {
  if (ref.startsWith("file://")) return { url: fileURLToPath(ref) };
  if (/^https?:\/\//i.test(ref)) return { url: ref };
  // WhatsApp has no reusable file ids a linked device could send by reference.
  throw new WhatsAppSendError(`media must be an http(s) or file:// URL: ${ref}`, { kind: "invalid" });
}

function fileName(ref: string): string {
  const pathname = ref.startsWith("file://") ? fileURLToPath(ref) : safePathname(ref);
  return decodeURIComponent(path.posix.basename(pathname)) || "document";
}

function safePathname(ref: string): string {
  try {
    return new URL(ref).pathname;
  } catch {
    return ref;
  }
}

/** WhatsApp shows the document by its mimetype; the ones our flows send, else a generic type. */
const MIMETYPES: Record<string, string> = {
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".csv": "text/csv",
  ".txt": "text/plain",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

function mimetypeOf(name: string): string {
  return MIMETYPES[path.extname(name).toLowerCase()] ?? "application/octet-stream";
}

function caption(text: string | undefined): { caption?: string } {
  return text ? { caption: text } : {};
}
