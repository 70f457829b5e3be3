/**
 * The parts of a Baileys `WAMessage` the converter reads, as zod schemas over both live protobuf
 * objects and their JSON captures. Loose: unknown fields pass, so a new WhatsApp field never
 * breaks parsing; v7-only fields (`remoteJidAlt`, `addressingMode`) are optional.
 */
import { z } from "zod";

const text = z.string().nullish();

export const messageKeySchema = z.looseObject({
  remoteJid: z.string().min(1),
  remoteJidAlt: text,
  addressingMode: text,
  fromMe: z.boolean().nullish(),
  id: z.string().min(1),
  participant: text,
});

export const waMessageSchema = z.looseObject({
  key: messageKeySchema,
  message: z.looseObject({}).nullish(),
  messageTimestamp: z.unknown(),
  pushName: text,
  messageStubType: z.union([z.number(), z.string()]).nullish(),
});

export const upsertSchema = z.looseObject({
  messages: z.array(z.unknown()),
  type: z.string(),
});

/** Content types, read after `normalizeMessageContent` has unwrapped ephemeral/view-once/edit wrappers. */
export const contentSchema = z.looseObject({
  conversation: text,
  extendedTextMessage: z.looseObject({ text }).nullish(),
  imageMessage: z.looseObject({ caption: text }).nullish(),
  videoMessage: z.looseObject({ caption: text }).nullish(),
  documentMessage: z.looseObject({ caption: text }).nullish(),
  locationMessage: z.looseObject({ degreesLatitude: z.number().nullish(), degreesLongitude: z.number().nullish() }).nullish(),
  liveLocationMessage: z.looseObject({ degreesLatitude: z.number().nullish(), degreesLongitude: z.number().nullish() }).nullish(),
  contactMessage: z.looseObject({ displayName: text, vcard: text }).nullish(),
  buttonsResponseMessage: z.looseObject({ selectedButtonId: text }).nullish(),
  listResponseMessage: z.looseObject({ singleSelectReply: z.looseObject({ selectedRowId: text }).nullish() }).nullish(),
  templateButtonReplyMessage: z.looseObject({ selectedId: text }).nullish(),
  protocolMessage: z.looseObject({ type: z.union([z.number(), z.string()]).nullish() }).nullish(),
  reactionMessage: z.looseObject({}).nullish(),
});

export type WaContent = z.infer<typeof contentSchema>;
