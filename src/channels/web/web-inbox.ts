/**
 * The web channel's provider side: a durable inbox per web contact (`web_inbox`, one document per
 * contact), filled by the adapter's `send` and read by the simulator's long-poll. Appending a
 * message is one atomic update of the contact's document: its counter goes up by one and the
 * message goes on the end of its list, so the i-th of n kept messages is number `seq - (n-1-i)`
 * — the reader's cursor. The list keeps the latest `KEPT` messages, and a contact's inbox expires
 * a week after its last message (messages are personal data, kept as long as the inbound log).
 */
import { randomUUID } from "node:crypto";
import { EventEmitter } from "node:events";
import { Schema, type Connection, type Model } from "mongoose";

/** One message as kept in the inbox. */
export interface WebInboxMessage {
  id: string;
  text?: string;
  choices?: { id: string; label: string }[];
  image?: string;
  document?: string;
  at: Date;
}

interface WebInboxDoc {
  /** The web contact id (the address in `web:<id>`). */
  _id: string;
  /** Number of the last message; the first message is 1. */
  seq: number;
  /** The latest messages, oldest first. */
  messages: WebInboxMessage[];
  /** When the last message came (the inbox expires from here). */
  at: Date;
}

/** What the page receives for one message (README, "Chat over HTTP"). */
export interface WebMessage {
  id: string;
  seq: number;
  text?: string;
  choices?: { id: string; label: string }[];
  image?: string;
  document?: string;
  at: string;
}

export type WebInboxContent = Omit<WebInboxMessage, "id" | "at">;

export interface NewsListener {
  wait(ms: number): Promise<void>;
  /** Stops listening. */
  close(): void;
}

/** How long an inbox is kept after its last message (as long as the inbound log keeps what people wrote). */
export const WEB_INBOX_RETENTION_SECONDS = 7 * 24 * 3600;
/** Messages kept per contact: plenty for a conversation on screen. */
const KEPT = 200;
/** Messages one read returns at most; the reader continues from the cursor. */
const PAGE = 100;

export interface WebInbox {
  /**
   * Stores one message for `contact` (one atomic update) and wakes its listeners in this process;
   * resolves with the message id. With `key` (the message id then) a repeat is a no-op.
   */
  append(contact: string, content: WebInboxContent, at: Date, key?: string): Promise<string>;
  /**
   * Messages of `contact` after `afterSeq`, oldest first. A cursor beyond the last message means
   * the inbox was started afresh (it had expired): the reader gets it from the beginning.
   */
  after(contact: string, afterSeq: number): Promise<WebMessage[]>;
  /**
   * Starts listening for news of `contact` in this process (a message appended, its replies
   * recorded as sent); `wait(ms)` resolves at the first news since `listen` was called, or after
   * `ms`. Listening before a read means news that comes during the read is not missed.
   */
  listen(contact: string): NewsListener;
  /** Tells listeners of `contact` there is news. */
  notify(contact: string): void;
  /** Creates the collection's indexes. */
  init(): Promise<void>;
}

export function createWebInbox(connection: Connection): WebInbox {
  const inboxes = inboxModel(connection);
  const news = new EventEmitter();
  news.setMaxListeners(0);
  return {
    async append(contact, content, at, key) {
      const message: WebInboxMessage = { id: key ?? randomUUID(), ...content, at };
      try {
        await inboxes.updateOne(
          { _id: contact, "messages.id": { $ne: message.id } },
          { $inc: { seq: 1 }, $push: { messages: { $each: [message], $slice: -KEPT } }, $set: { at } },
          { upsert: true },
        );
      } catch (error) {
        // The filter missed an existing inbox, so the upsert collided with it: either the message
        // is there already (a repeated attempt), or two first messages raced (retry).
        if ((error as { code?: number }).code !== 11000 || !key || !(await inboxes.exists({ _id: contact, "messages.id": key }))) throw error;
      }
      news.emit(contact);
      return message.id;
    },
    async after(contact, afterSeq) {
      const doc = await inboxes.findById(contact).lean<WebInboxDoc>();
      if (!doc) return [];
      const from = afterSeq > doc.seq ? 0 : afterSeq;
      const first = doc.seq - doc.messages.length + 1;
      return doc.messages
        .map((m, i) => toWebMessage(m, first + i))
        .filter((m) => m.seq > from)
        .slice(0, PAGE);
    },
    listen(contact) {
      let heard = false;
      let wake: (() => void) | undefined;
      const hear = () => {
        heard = true;
        wake?.();
      };
      news.on(contact, hear);
      return {
        wait: (ms) =>
          new Promise<void>((resolve) => {
            const timer = setTimeout(done, heard ? 0 : Math.max(0, ms));
            wake = done;
            function done() {
              clearTimeout(timer);
              wake = undefined;
              resolve();
            }
          }),
        close: () => void news.off(contact, hear),
      };
    },
    notify: (contact) => void news.emit(contact),
    async init() {
      await inboxes.init();
    },
  };
}

function inboxModel(connection: Connection): Model<WebInboxDoc> {
  const existing = connection.models["WebInbox"] as Model<WebInboxDoc> | undefined;
  if (existing) return existing;
  const schema = new Schema<WebInboxDoc>(
    {
      _id: String,
      seq: { type: Number, required: true },
      messages: { type: Schema.Types.Mixed, default: () => [] },
      at: { type: Date, required: true },
    },
    { versionKey: false, minimize: false, id: false, collection: "web_inbox" },
  );
  schema.index({ at: 1 }, { expireAfterSeconds: WEB_INBOX_RETENTION_SECONDS });
  return connection.model<WebInboxDoc>("WebInbox", schema);
}

function toWebMessage(m: WebInboxMessage, seq: number): WebMessage {
  return {
    id: m.id,
    seq,
    ...(m.text !== undefined ? { text: m.text } : {}),
    ...(m.choices ? { choices: m.choices } : {}),
    ...(m.image !== undefined ? { image: m.image } : {}),
    ...(m.document !== undefined ? { document: m.document } : {}),
    at: new Date(m.at).toISOString(),
  };
}
