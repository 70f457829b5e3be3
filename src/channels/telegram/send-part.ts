/**
 * One outbound part → one Bot API call. Choices become an inline keyboard, one button per row
 * (Hindi labels are long). Media we host ourselves (ID cards, resolved by `ownMedia`) and
 * `file://` media are uploaded (multipart); anything else (URL or file_id) is passed to Telegram
 * as is.
 */
import { fileURLToPath } from "node:url";
import { InputFile, type Api } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import type { OutboundMessage } from "../channel.js";
import type { OwnMedia } from "../media.js";
import { assertNever } from "../../util/assert-never.js";

/** Sends `message` with `api`; resolves with Telegram's message id. */
export async function sendPart(api: Api, { recipient, part }: OutboundMessage, ownMedia?: OwnMedia): Promise<string> {
  const chatId = /^-?\d+$/.test(recipient) ? Number(recipient) : recipient;
  const markup = part.choices?.length ? { reply_markup: keyboard(part.choices) } : {};
  switch (part.type) {
    case "text":
      return String((await api.sendMessage(chatId, part.text, markup)).message_id);
    case "photo":
      return String((await api.sendPhoto(chatId, await media(part.media, ownMedia), { ...caption(part.caption), ...markup })).message_id);
    case "document":
      return String((await api.sendDocument(chatId, await media(part.media, ownMedia), { ...caption(part.caption), ...markup })).message_id);
    default:
      return assertNever(part);
  }
}

function keyboard(choices: { id: string; label: string }[]): InlineKeyboardMarkup {
  return { inline_keyboard: choices.map((c) => [{ text: c.label, callback_data: c.id }]) };
}

async function media(ref: string, ownMedia: OwnMedia | undefined): Promise<string | InputFile> {
  const own = await ownMedia?.resolve(ref);
  if (own) return new InputFile(own.bytes, own.filename);
  return ref.startsWith("file://") ? new InputFile(fileURLToPath(ref)) : ref;
}

function caption(text: string | undefined): { caption?: string } {
  return text ? { caption: text } : {};
}
