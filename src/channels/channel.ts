/**
 * The one interface every channel adapter (telegram, whatsapp, web) implements. Adapters convert
 * at the border: provider types (grammY's Context, Baileys' WAMessage) never leave `src/channels/`.
 * Inbound, an adapter hands normalized `ChannelEvent`s to the handler given to `start`; outbound,
 * the outbox sender asks the adapter to `render` a payload into parts and `send`s each part as one
 * provider call, so pacing, retries and partial progress are the sender's business, not the adapter's.
 */
import type { InboundMessage } from "../engine/types.js";
import type { ContactProfile } from "../runtime/runtime.js";

/** What an outbox row carries (the engine's `send_message` effect without its id). */
export interface OutboundPayload {
  text: string;
  choices?: { id: string; label: string }[];
  /** URL or provider file id of an image. */
  image?: string;
  /** URL or provider file id of a document. */
  document?: string;
}

/** How choices are shown: tappable buttons carrying the choice id, or a numbered list in the text. */
export type ChoiceRendering = { type: "buttons"; maxDataBytes: number } | { type: "numbered" };

/** Limits and features an adapter declares; the contract suite checks that `render` honours them. */
export interface ChannelCapabilities {
  /** Longest text of one message; longer texts are split into several parts. */
  maxTextLength: number;
  /** Longest caption of a photo or document; a longer text goes out as separate text parts. */
  maxCaptionLength: number;
  choices: ChoiceRendering;
}

/** One provider call's worth of message: what `send` delivers in a single attempt. */
export type OutboundPart =
  | { type: "text"; text: string; choices?: { id: string; label: string }[] }
  | { type: "photo"; media: string; caption?: string; choices?: { id: string; label: string }[] }
  | { type: "document"; media: string; caption?: string; choices?: { id: string; label: string }[] };

/** A part addressed to a recipient (the channel-side address of a contact key). */
export interface OutboundMessage {
  recipient: string;
  part: OutboundPart;
  /**
   * The same on every attempt at this part (outbox row and part index). A provider that can
   * deduplicate by it (the web inbox) makes a repeated attempt a no-op; others ignore it.
   */
  key?: string;
}

/** How a failed `send` should be handled. Retry policy lives in the sender, not in adapters. */
export type SendFailure =
  /** The provider asked us to slow down: pause this channel identity for `seconds`. */
  | { kind: "retry_after"; seconds: number }
  /** Nothing was delivered (connection refused/reset, 5xx): safe to retry with backoff. */
  | { kind: "transient" }
  /** The request may have been delivered (timeout after sending): resend only if the channel tolerates duplicates. */
  | { kind: "ambiguous" }
  /**
   * The provider restricts this identity (WhatsApp reach-out time lock, message capping): stop the
   * whole channel identity for a long cool-down, `seconds` when the provider says how long.
   */
  | { kind: "capped"; seconds?: number }
  /** The person blocked us or left: stop sending to them. */
  | { kind: "blocked" }
  /** The request itself is wrong (bad chat, too long, bad markup): retrying cannot help. */
  | { kind: "invalid" };

/** Normalized things a channel can report. */
export type ChannelEvent =
  | { type: "message"; message: InboundMessage; profile?: ContactProfile }
  /** The person blocked (`reachable: false`) or unblocked the bot; `at` orders redeliveries. */
  | { type: "reachability"; channel: string; eventId: string; contactKey: string; reachable: boolean; at: Date };

/**
 * Receives one event. Must resolve only once the event is durably recorded (so a webhook may
 * acknowledge it) and reject otherwise (so the provider redelivers).
 */
export type InboundHandler = (event: ChannelEvent) => Promise<void>;

export interface Channel {
  /** The channel name used in contact keys and outbox rows (`telegram`). */
  readonly name: string;
  readonly capabilities: ChannelCapabilities;
  /** Starts receiving (polling, socket); webhook-driven adapters only remember the handler. */
  start(onInbound: InboundHandler): Promise<void>;
  stop(): Promise<void>;
  /** Splits a payload into parts that fit the capabilities. Pure; never throws. */
  render(payload: OutboundPayload): OutboundPart[];
  /** One attempt at one provider call. Resolves with the provider's message id; rejects on any failure. */
  send(message: OutboundMessage): Promise<string>;
  /** Maps an error thrown by `send` to what the sender should do about it. */
  classify(error: unknown): SendFailure;
}
