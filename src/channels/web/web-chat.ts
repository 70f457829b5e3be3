/**
 * What the web simulator posts (`POST /api/chat/messages`) and how a post becomes the engine's
 * InboundMessage. The adapter that receives posts and delivers replies is web-channel.ts.
 */
import { z } from "zod";
import type { InboundMessage } from "../../engine/types.js";
import type { ContactProfile } from "../../runtime/runtime.js";
import { contactKeyOf } from "../../runtime/contact-key.js";
import { WEB_MEDIA_REF } from "./web-media.js";

export const WEB_ROLES = ["member", "enroller", "trainer", "coordinator", "admin"] as const;

/** A web contact id: the address in `web:<id>`. */
export const WEB_CONTACT_ID = /^[a-zA-Z0-9_-]{1,40}$/;

/** Body of `POST /api/chat/messages`. */
export const webPostSchema = z
  .object({
    contact: z.object({
      id: z.string().regex(WEB_CONTACT_ID, "letters, digits, _ or -, at most 40"),
      name: z.string().trim().min(1).max(80).optional(),
      phone: z.string().trim().max(20).optional(),
      role: z.enum(WEB_ROLES).optional(),
    }),
    text: z.string().max(5000).optional(),
    choice: z.string().max(64).optional(),
    /** A photo uploaded first with `POST /api/chat/contacts/:id/media` (its `media` reference). */
    photo: z.string().regex(WEB_MEDIA_REF, "a media reference from POST /api/chat/contacts/:id/media").optional(),
    messageId: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/).optional(),
  })
  .refine((b) => b.text !== undefined || b.choice !== undefined || b.photo !== undefined, { message: "text, choice or photo is required" });

export type WebPost = z.infer<typeof webPostSchema>;

/** Converts a post into the engine's normalized message and the profile the simulator declares. */
export function toInbound(post: WebPost, eventId: string): { message: InboundMessage; profile: ContactProfile } {
  const contactKey = contactKeyOf({ channel: "web", address: post.contact.id });
  const message: InboundMessage =
    post.choice !== undefined
      ? { channel: "web", eventId, contactKey, kind: "choice", choice: post.choice, ...(post.text !== undefined ? { text: post.text } : {}) }
      : post.photo !== undefined
        ? { channel: "web", eventId, contactKey, kind: "photo", media: post.photo, ...(post.text ? { text: post.text } : {}) }
        : { channel: "web", eventId, contactKey, kind: "text", text: post.text ?? "" };
  const profile: ContactProfile = {
    ...(post.contact.name ? { name: post.contact.name } : {}),
    ...(post.contact.phone ? { phone: post.contact.phone } : {}),
    roles: post.contact.role && post.contact.role !== "member" ? [post.contact.role] : [],
  };
  return { message, profile };
}
