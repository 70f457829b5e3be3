/**
 * The message-producing methods of the fake (sendMessage, sendPhoto, sendDocument,
 * editMessageText) with the Bot API's validation and error texts, and the messages they created.
 */
import { BadRequest, objectParam, type Params } from "./body.js";

export const SEND_METHODS = new Set(["sendmessage", "sendphoto", "senddocument", "editmessagetext"]);

const MAX_TEXT = 4096;
const MAX_CAPTION = 1024;
const MAX_CALLBACK_DATA_BYTES = 64;

export interface FakeMessage {
  message_id: number;
  date: number;
  chat: { id: number | string; type: "private" };
  from: { id: number; is_bot: true; first_name: string; username: string };
  text?: string;
  caption?: string;
  photo?: { file_id: string; file_unique_id: string; width: number; height: number }[];
  document?: { file_id: string; file_unique_id: string; file_name?: string };
  reply_markup?: unknown;
  edit_date?: number;
}

export class MessageStore {
  private nextId = 1;
  private readonly byKey = new Map<string, FakeMessage>();

  constructor(private readonly bot: FakeMessage["from"]) {}

  /** Validates and performs a message method; throws BadRequest with Telegram's wording. */
  perform(method: string, params: Params, now: number): FakeMessage {
    const chatId = chatIdOf(params);
    const markup = params["reply_markup"] === undefined ? undefined : objectParam(params["reply_markup"]);
    if (markup !== undefined) checkKeyboard(markup);
    if (method === "editmessagetext") return this.edit(chatId, params, markup, now);
    const base: FakeMessage = { message_id: this.nextId++, date: Math.floor(now / 1000), chat: { id: chatId, type: "private" }, from: this.bot };
    if (markup !== undefined) base.reply_markup = markup;
    const message = method === "sendmessage" ? { ...base, text: textOf(params) } : { ...base, ...media(method, params) };
    this.byKey.set(`${chatId}:${message.message_id}`, message);
    return message;
  }

  private edit(chatId: number | string, params: Params, markup: unknown, now: number): FakeMessage {
    const existing = this.byKey.get(`${chatId}:${Number(params["message_id"])}`);
    if (!existing) throw new BadRequest("Bad Request: message to edit not found");
    const text = textOf(params);
    if (existing.text === text && markup === undefined) {
      throw new BadRequest("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
    }
    const edited: FakeMessage = { ...existing, text, edit_date: Math.floor(now / 1000), ...(markup !== undefined ? { reply_markup: markup } : {}) };
    this.byKey.set(`${chatId}:${existing.message_id}`, edited);
    return edited;
  }
}

export function chatIdOf(params: Params): number | string {
  const raw = params["chat_id"];
  if (raw === undefined || raw === "") throw new BadRequest("Bad Request: chat_id is empty");
  return typeof raw === "string" && /^-?\d+$/.test(raw) ? Number(raw) : (raw as number | string);
}

function textOf(params: Params): string {
  const text = typeof params["text"] === "string" ? params["text"] : "";
  if (text.trim() === "") throw new BadRequest("Bad Request: message text is empty");
  if (text.length > MAX_TEXT) throw new BadRequest("Bad Request: message is too long");
  return text;
}

function media(method: string, params: Params): Partial<FakeMessage> {
  const field = method === "sendphoto" ? "photo" : "document";
  const ref = params[field];
  if (ref === undefined || ref === "") throw new BadRequest(`Bad Request: there is no ${field} in the request`);
  const caption = typeof params["caption"] === "string" ? params["caption"] : undefined;
  if (caption !== undefined && caption.length > MAX_CAPTION) throw new BadRequest("Bad Request: message caption is too long");
  const fileId = typeof ref === "string" ? `fake-${field}-${Buffer.from(ref).toString("base64url").slice(0, 24)}` : `fake-${field}-upload`;
  const file = { file_id: fileId, file_unique_id: fileId.slice(-12) };
  const content: Partial<FakeMessage> =
    field === "photo" ? { photo: [{ ...file, width: 90, height: 90 }, { ...file, width: 800, height: 800 }] } : { document: file };
  return caption !== undefined && caption !== "" ? { ...content, caption } : content;
}

function checkKeyboard(markup: unknown): void {
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (rows === undefined) return;
  if (!Array.isArray(rows)) throw new BadRequest("Bad Request: field \"inline_keyboard\" of the InlineKeyboardMarkup should be an Array");
  for (const button of rows.flat() as { text?: unknown; callback_data?: unknown }[]) {
    if (typeof button.text !== "string" || button.text === "") throw new BadRequest("Bad Request: text buttons are unallowed in the inline keyboard");
    const data = button.callback_data;
    if (typeof data === "string" && (data === "" || Buffer.byteLength(data, "utf8") > MAX_CALLBACK_DATA_BYTES)) {
      throw new BadRequest("Bad Request: BUTTON_DATA_INVALID");
    }
  }
}
