/**
 * The parts of a Telegram `Update` we read, as loose zod schemas: unknown fields pass, missing or
 * mistyped fields we rely on make the update "ignored" instead of an exception. Field names follow
 * https://core.telegram.org/bots/api#update.
 */
import { z } from "zod";

const user = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  first_name: z.string().optional(),
  last_name: z.string().optional(),
  username: z.string().optional(),
  language_code: z.string().optional(),
});

const chat = z.looseObject({
  id: z.number().int(),
  type: z.string(),
});

const entity = z.looseObject({ type: z.string(), offset: z.number().int(), length: z.number().int() });

const photoSize = z.looseObject({
  file_id: z.string().min(1),
  width: z.number().optional(),
  height: z.number().optional(),
  file_size: z.number().optional(),
});

export const messageSchema = z.looseObject({
  message_id: z.number().int(),
  date: z.number().optional(),
  chat,
  from: user.optional(),
  text: z.string().optional(),
  entities: z.array(entity).optional(),
  caption: z.string().optional(),
  photo: z.array(photoSize).min(1).optional(),
  contact: z
    .looseObject({ phone_number: z.string(), user_id: z.number().int().optional(), first_name: z.string().optional() })
    .optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
});

export const callbackQuerySchema = z.looseObject({
  id: z.string().min(1),
  from: user,
  message: z.looseObject({ chat }).optional(),
  data: z.string().optional(),
});

export const chatMemberUpdatedSchema = z.looseObject({
  chat,
  from: user,
  date: z.number(),
  new_chat_member: z.looseObject({ status: z.string() }),
});

export const updateSchema = z.looseObject({ update_id: z.number().int().nonnegative() });

export type TgMessage = z.infer<typeof messageSchema>;
export type TgUser = z.infer<typeof user>;
export type TgCallbackQuery = z.infer<typeof callbackQuerySchema>;
export type TgChatMemberUpdated = z.infer<typeof chatMemberUpdatedSchema>;
