/**
 * The web channel: the browser simulator (and any script) chats as a contact over HTTP. Inbound
 * posts become InboundMessages; outbound messages are read straight from the outbox (this channel
 * has no rate limits to respect), marked sent as they are handed out.
 */
import { EventEmitter } from "node:events";
import { z } from "zod";
import type { InboundMessage } from "../../engine/types.js";
import type { ContactProfile } from "../../runtime/runtime.js";
import { contactKeyOf } from "../../runtime/contact-key.js";
import { WEB_MEDIA_REF } from "./web-media.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";

export const WEB_ROLES = ["member", "enroller", "trainer", "coordinator", "admin"] as const;

/** Body of `POST /api/chat/messages`. */
export const webPostSchema = z
  .object({
    contact: z.object({
      id: z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/, "letters, digits, _ or -, at most 40"),
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

/** What the page receives for one outbound message. */
export interface WebMessage {
  id: string;
  seq: number;
  text?: string;
  choices?: { id: string; label: string }[];
  image?: string;
  document?: string;
  at: string;
}

export interface WebOutbox {
  /** Messages for `contactId` after `afterSeq`, waiting up to `waitMs` for the first one. */
  fetch(contactId: string, afterSeq: number, waitMs: number): Promise<WebMessage[]>;
  /** Wakes long-polls of a contact (called by the runtime after it committed replies). */
  notify(contactKey: string): void;
}

export function createWebOutbox(models: RuntimeModels, now: () => Date): WebOutbox {
  const signals = new EventEmitter();
  signals.setMaxListeners(0);
  const read = async (contactKey: string, afterSeq: number) => {
    const rows = (await models.outbox.find({ contactKey, seq: { $gt: afterSeq } }).sort({ seq: 1 }).limit(100).lean()) as OutboxDoc[];
    const queued = rows.filter((r) => r.state === "queued").map((r) => r._id);
    if (queued.length > 0) await models.outbox.updateMany({ _id: { $in: queued }, state: "queued" }, { $set: { state: "sent", sentAt: now() } });
    return rows.map(toWebMessage);
  };
  return {
    async fetch(contactId, afterSeq, waitMs) {
      const contactKey = contactKeyOf({ channel: "web", address: contactId });
      const first = await read(contactKey, afterSeq);
      if (first.length > 0 || waitMs <= 0) return first;
      await waitForSignal(signals, contactKey, waitMs);
      return read(contactKey, afterSeq);
    },
    notify: (contactKey) => void signals.emit(contactKey),
  };
}

function waitForSignal(signals: EventEmitter, contactKey: string, waitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signals.off(contactKey, done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    signals.on(contactKey, done);
  });
}

function toWebMessage(row: OutboxDoc): WebMessage {
  const payload = row.payload as Omit<WebMessage, "id" | "seq" | "at">;
  return { id: row._id, seq: row.seq, ...payload, at: row.createdAt.toISOString() };
}
