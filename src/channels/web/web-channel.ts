/**
 * The web channel as a `Channel` adapter: the browser simulator (and any script) chats as a
 * contact over HTTP (src/http/web-chat-routes.ts). Inbound, a post becomes a `ChannelEvent` for
 * the handler given to `start`; outbound, the outbox sender renders each reply with the shared
 * renderer and `send`s every part into the contact's web inbox, which the page long-polls. So web
 * replies take the same road as Telegram and WhatsApp ones: lanes, quiet hours, retries.
 */
import { randomUUID } from "node:crypto";
import type { Connection } from "mongoose";
import type { Logger } from "../../log.js";
import { contactKeyOf } from "../../runtime/contact-key.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import type { Channel, ChannelCapabilities, InboundHandler, OutboundPart } from "../channel.js";
import { assertNever } from "../../util/assert-never.js";
import { renderPayload } from "../render.js";
import { classifyWebError, WebSendError } from "./web-classify.js";
import { toInbound, WEB_CONTACT_ID, type WebPost } from "./web-chat.js";
import { createWebInbox, type WebInboxContent, type WebMessage } from "./web-inbox.js";
import { readSettled } from "./web-read.js";

export const WEB = "web";

/**
 * A page shows long texts fine, so the limits are generous; buttons carry the choice id back as
 * the post's `choice`, which the post schema bounds at 64 characters.
 */
export const WEB_CAPABILITIES: ChannelCapabilities = { maxTextLength: 10_000, maxCaptionLength: 10_000, choices: { type: "buttons", maxDataBytes: 64 } };

export interface WebChannelOptions {
  /** Holds the web inbox (`web_inbox`). */
  connection: Connection;
  /** The runtime's models: the inbound log (duplicate posts) and the outbox (replies on their way). */
  models: RuntimeModels;
  now?: () => Date;
  log: Logger;
}

export interface WebChannel extends Channel {
  /** Hands a post to the handler; `duplicate` when its message id had been processed already. */
  receive(post: WebPost): Promise<{ eventId: string; duplicate: boolean }>;
  /**
   * Messages delivered to `contactId` after `afterSeq`, waiting up to `waitMs` for the first.
   * Replies already committed for the contact are waited for too, so a read right after a post
   * gets that post's replies whole (see web-read.ts).
   */
  read(contactId: string, afterSeq: number, waitMs: number): Promise<WebMessage[]>;
  /** The sender in this process delivered `row` (its success is recorded a moment later). */
  delivered(row: Pick<OutboxDoc, "_id" | "contactKey">): void;
}

/** Posts arriving while the channel is stopped (shutting down): the client should try again. */
export class WebChannelUnavailable extends Error {
  readonly status = 503;
  constructor() {
    super("the web channel is not running");
    this.name = "WebChannelUnavailable";
  }
}

export function createWebChannel(options: WebChannelOptions): WebChannel {
  const { models } = options;
  const now = options.now ?? (() => new Date());
  const inbox = createWebInbox(options.connection);
  const deliveredHere = createDeliveredRows();
  let handler: InboundHandler | null = null;

  return {
    name: WEB,
    capabilities: WEB_CAPABILITIES,
    async start(onInbound) {
      await inbox.init();
      handler = onInbound;
    },
    async stop() {
      handler = null;
    },
    render: (payload) => renderPayload(payload, WEB_CAPABILITIES),
    async send({ recipient, part, key }) {
      if (!WEB_CONTACT_ID.test(recipient)) throw new WebSendError("not a web contact id", { kind: "invalid" });
      return inbox.append(recipient, contentOf(part), now(), key);
    },
    classify: classifyWebError,
    async receive(post) {
      const eventId = post.messageId ?? randomUUID();
      const { message, profile } = toInbound(post, eventId);
      const current = handler;
      if (!current) throw new WebChannelUnavailable();
      // The runtime drops a redelivery silently; a script that retries with its own message id is
      // told. (Without one, the id is fresh: nothing to look up.)
      if (post.messageId && (await models.inboundEvents.exists({ _id: `${WEB}:${eventId}`, processedAt: { $ne: null } }))) return { eventId, duplicate: true };
      await current({ type: "message", message, profile });
      return { eventId, duplicate: false };
    },
    delivered(row) {
      if (!row.contactKey.startsWith(`${WEB}:`)) return;
      deliveredHere.add(row._id);
      inbox.notify(row.contactKey.slice(WEB.length + 1));
    },
    read: (contactId, afterSeq, waitMs) =>
      readSettled({ inbox, models, now, deliveredHere: deliveredHere.has, contactKey: contactKeyOf({ channel: WEB, address: contactId }) }, contactId, afterSeq, waitMs),
  };
}

/** One part as the page shows it: a caption is the bubble's text. */
function contentOf(part: OutboundPart): WebInboxContent {
  const choices = part.choices && part.choices.length > 0 ? { choices: part.choices.map((c) => ({ id: c.id, label: c.label })) } : {};
  switch (part.type) {
    case "text":
      return { text: part.text, ...choices };
    case "photo":
      return { image: part.media, ...(part.caption !== undefined ? { text: part.caption } : {}), ...choices };
    case "document":
      return { document: part.media, ...(part.caption !== undefined ? { text: part.caption } : {}), ...choices };
    default:
      return assertNever(part);
  }
}

/** How long a delivered row is remembered; its success is recorded within milliseconds. */
const DELIVERED_KEPT_MS = 60_000;

/** Outbox rows this process delivered lately, so readers need not wait for them to be recorded. */
function createDeliveredRows(): { add(id: string): void; has(id: string): boolean } {
  const rows = new Map<string, number>();
  return {
    add(id) {
      const now = performance.now();
      rows.set(id, now);
      // Oldest first (insertion order): drop what is surely recorded by now.
      for (const [old, at] of rows) {
        if (now - at < DELIVERED_KEPT_MS) break;
        rows.delete(old);
      }
    },
    has: (id) => rows.has(id),
  };
}
