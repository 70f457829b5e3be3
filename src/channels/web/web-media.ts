/**
 * Photos posted to the web simulator: the upload is kept in `web_media` (TTL one day) under a
 * random id, and the inbound photo message carries `web-media:<id>` as its media reference — the
 * same shape as Telegram's file ids and WhatsApp's media references, so enrolment downloads it
 * the same way. The TTL bounds how long an abandoned upload is kept.
 */
import { randomUUID } from "node:crypto";
import { Schema, type Connection, type Model } from "mongoose";
import { TOO_BIG, UNAVAILABLE, type MediaDownloader } from "../media.js";

export const WEB_MEDIA_TTL_SECONDS = 24 * 60 * 60;
const PREFIX = "web-media:";
/** What `save` hands out. */
export const WEB_MEDIA_REF = /^web-media:[0-9a-f-]{36}$/;

interface WebMediaDoc {
  _id: string;
  contactKey: string;
  bytes: Buffer;
  mimetype: string;
  receivedAt: Date;
}

export interface WebMediaStore {
  init(): Promise<void>;
  /** Keeps an upload; resolves with its media reference. */
  save(contactKey: string, bytes: Buffer, mimetype: string, now: Date): Promise<string>;
  downloader: MediaDownloader;
}

function webMediaModel(connection: Connection): Model<WebMediaDoc> {
  const existing = connection.models["WebMedia"] as Model<WebMediaDoc> | undefined;
  if (existing) return existing;
  const schema = new Schema<WebMediaDoc>(
    { _id: String, contactKey: { type: String, required: true }, bytes: { type: Buffer, required: true }, mimetype: String, receivedAt: { type: Date, required: true } },
    { versionKey: false, id: false, collection: "web_media" },
  );
  schema.index({ receivedAt: 1 }, { expireAfterSeconds: WEB_MEDIA_TTL_SECONDS });
  return connection.model<WebMediaDoc>("WebMedia", schema);
}

export function createWebMediaStore(connection: Connection): WebMediaStore {
  const model = webMediaModel(connection);
  return {
    init: async () => void (await model.init()),
    async save(contactKey, bytes, mimetype, now) {
      const id = randomUUID();
      await model.create({ _id: id, contactKey, bytes, mimetype, receivedAt: now });
      return PREFIX + id;
    },
    downloader: {
      async download(ref, maxBytes) {
        if (!ref.startsWith(PREFIX)) return UNAVAILABLE;
        const doc = await model.findById(ref.slice(PREFIX.length)).lean();
        if (!doc) return UNAVAILABLE;
        const bytes = Buffer.from((doc.bytes as unknown as { buffer?: Uint8Array }).buffer ?? doc.bytes);
        return bytes.length > maxBytes ? TOO_BIG : { ok: true, bytes };
      },
    },
  };
}
