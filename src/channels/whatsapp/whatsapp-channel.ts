/**
 * The WhatsApp adapter (Baileys 7, a linked device). One process owns a number: the socket runs
 * only while this instance holds the Mongo lease `whatsapp:<sessionId>`, renewed at a third of its
 * lifetime; other instances wait in standby and take over when it lapses, and an instance that
 * loses it closes its socket. Inbound upserts are converted in arrival order and handed to the
 * handler until recorded; outbound, one `sendMessage` per `send`. The owner also publishes the
 * connection state (QR code included) for the operators' page, and only the owner sends.
 */
import { randomUUID } from "node:crypto";
import type { BaileysEventMap } from "@whiskeysockets/baileys";
import type { Connection } from "mongoose";
import type { Logger } from "../../log.js";
import { acquireLease, releaseLease } from "../../store/repos/leases.js";
import type { RuntimeModels } from "../../store/models/runtime-models.js";
import { useMongoAuthState } from "../../store/wa-auth/mongo-auth-state.js";
import type { Channel, ChannelCapabilities, ChannelEvent, InboundHandler } from "../channel.js";
import type { OwnMedia } from "../media.js";
import { renderPayload } from "../render.js";
import { classifyWhatsAppError, WhatsAppSendError } from "./classify.js";
import { createWhatsAppConnection, type WhatsAppStatus } from "./connection.js";
import { convertUpsert, WHATSAPP } from "./convert.js";
import { lookUpLidPhones } from "./lid-lookup.js";
import { terminalLoginNotifier, type LoginNotifier } from "./login-prompt.js";
import { outboundContent } from "./outbound-content.js";
import { publishStatus } from "./published-status.js";
import type { ReconnectSettings } from "./reconnect-policy.js";
import { baileysSocketFactory, type WhatsAppSocket, type WhatsAppSocketFactory } from "./socket.js";

export interface WhatsAppChannelOptions {
  /** Holds the auth state (`wa_auth`). */
  connection: Connection;
  /** Holds the number's lease (`locks`). */
  models: RuntimeModels;
  /** Names the linked number's auth state and lease (`WHATSAPP_SESSION_ID`). */
  sessionId: string;
  /** E.164 digits: link by pairing code instead of QR (`WHATSAPP_PAIRING_NUMBER`). */
  pairingNumber?: string;
  /** Default: Baileys' `makeWASocket`; tests pass a fake. */
  socketFactory?: WhatsAppSocketFactory;
  /** Default: print QR / pairing code to stderr. */
  notifyLogin?: LoginNotifier;
  /** Lease owner id. Default: a random UUID per channel instance. */
  instanceId?: string;
  /** Lease lifetime. Default 30 s. */
  leaseTtlMs?: number;
  /** Wait between redeliveries of an event the handler refused (store down). Default 1 s. */
  redeliverDelayMs?: number;
  reconnect?: ReconnectSettings;
  /** Media we host (ID cards): sent as bytes, since WhatsApp cannot fetch a private URL. */
  ownMedia?: OwnMedia;
  random?: () => number;
  now?: () => Date;
  /** Called on every change of `status()` (the sender waits for `open`). */
  onStatus?(status: WhatsAppStatus): void;
  log: Logger;
}

export interface WhatsAppChannel extends Channel {
  /** Connection state, with the latest QR or pairing code while linking (for an admin page). */
  status(): WhatsAppStatus;
  /** Whether this instance holds the number's lease now (only then may it send). */
  ownsNumber(): boolean;
}

/**
 * WhatsApp clients accept ~65,536 characters, but Meta's Cloud API caps text at 4096 and captions
 * at 1024; the same limits keep messages readable and a later Cloud API channel interchangeable.
 */
export const WHATSAPP_CAPABILITIES: ChannelCapabilities = { maxTextLength: 4096, maxCaptionLength: 1024, choices: { type: "numbered" } };

export function createWhatsAppChannel(options: WhatsAppChannelOptions): WhatsAppChannel {
  const { log, sessionId } = options;
  const owner = options.instanceId ?? randomUUID();
  const leaseName = `${WHATSAPP}:${sessionId}`;
  const ttlMs = options.leaseTtlMs ?? 30_000;
  const now = options.now ?? (() => new Date());
  let handler: InboundHandler | null = null;
  let leaseTimer: NodeJS.Timeout | undefined;
  let heldUntil = 0;
  let ticking: Promise<void> | undefined;
  let inbound: Promise<void> = Promise.resolve();
  let publishing: Promise<void> = Promise.resolve();

  /** The owner's status goes to the store for the operators' page; a standby instance's stays local. */
  function onStatus(status: WhatsAppStatus): void {
    options.onStatus?.(status);
    if (heldUntil === 0) return;
    publishing = publishing
      .then(() => publishStatus(options.connection, sessionId, owner, status, now()))
      .catch((error: unknown) => log.error({ err: error, channel: WHATSAPP }, "whatsapp: storing the connection state failed"));
  }

  const connection = createWhatsAppConnection({
    factory: options.socketFactory ?? baileysSocketFactory,
    openAuth: () => useMongoAuthState(options.connection, sessionId, log),
    notifyLogin: options.notifyLogin ?? terminalLoginNotifier(process.stderr),
    onUpsert: (socket, upsert) => {
      // A broken link would stall every later upsert, so a failure is logged and the chain goes on.
      inbound = inbound.then(() => receive(socket, upsert)).catch((error: unknown) => log.error({ err: error, channel: WHATSAPP }, "whatsapp: handling an upsert failed"));
    },
    random: options.random ?? Math.random,
    onStatus,
    log,
    ...(options.pairingNumber ? { pairingNumber: options.pairingNumber } : {}),
    ...(options.reconnect ? { reconnect: options.reconnect } : {}),
  });

  async function receive(socket: WhatsAppSocket, upsert: BaileysEventMap["messages.upsert"]): Promise<void> {
    const results = convertUpsert(upsert, await lookUpLidPhones(socket, upsert.messages));
    for (const result of results) {
      if (result.type === "ignored") log.debug({ channel: WHATSAPP, messageId: result.messageId, reason: result.reason }, "whatsapp: message ignored");
      else await deliverUntilRecorded(result.event);
    }
  }

  /**
   * WhatsApp has already acknowledged the message to the sender and will not redeliver it, so a
   * handler failure (store down) is retried here for as long as the channel runs.
   */
  async function deliverUntilRecorded(event: ChannelEvent): Promise<void> {
    for (;;) {
      if (!handler) return;
      try {
        return await handler(event);
      } catch (error) {
        log.error({ err: error, channel: WHATSAPP }, "whatsapp: could not record a message; retrying");
        await new Promise((resolve) => setTimeout(resolve, options.redeliverDelayMs ?? 1000));
      }
    }
  }

  /** One lease tick at a time: a slow connect must not overlap the next renewal. */
  function tick(): Promise<void> {
    ticking ??= tickLease().finally(() => (ticking = undefined));
    return ticking;
  }

  /** Takes or renews the number's lease and connects or disconnects to match. */
  async function tickLease(): Promise<void> {
    const at = now();
    const held = await acquireLease(options.models, leaseName, owner, ttlMs, at).catch((error: unknown) => {
      log.error({ err: error, channel: WHATSAPP }, "whatsapp: renewing the number's lease failed");
      // Unconfirmed is still ours until the last renewal runs out; nobody else can have it before.
      return at.getTime() < heldUntil;
    });
    if (held) {
      const newlyHeld = heldUntil === 0 || at.getTime() >= heldUntil;
      heldUntil = Math.max(heldUntil, at.getTime() + ttlMs);
      if (!handler) return; // stopped meanwhile; `stop` releases the lease
      if (newlyHeld) log.info({ channel: WHATSAPP, sessionId }, "whatsapp: this instance owns the number");
      await connection.ensureConnected();
      return;
    }
    if (handler && connection.status().state !== "standby") {
      log.warn({ channel: WHATSAPP, sessionId }, "whatsapp: another instance owns the number; standing by");
      heldUntil = 0;
      await connection.close("standby");
    }
  }

  return {
    name: WHATSAPP,
    capabilities: WHATSAPP_CAPABILITIES,
    async start(onInbound) {
      handler = onInbound;
      await tick();
      leaseTimer = setInterval(() => void tick(), Math.max(10, Math.floor(ttlMs / 3)));
    },
    async stop() {
      clearInterval(leaseTimer);
      handler = null;
      await ticking;
      await connection.close("stopped");
      await inbound;
      await publishing;
      if (heldUntil > 0) await releaseLease(options.models, leaseName, owner).catch(() => undefined);
      heldUntil = 0;
    },
    render: (payload) => renderPayload(payload, WHATSAPP_CAPABILITIES),
    async send(message) {
      const own = message.part.type === "text" ? undefined : await options.ownMedia?.resolve(message.part.media);
      const { jid, content } = outboundContent(message, own);
      const socket = connection.openSocket();
      if (!socket) throw new WhatsAppSendError(`whatsapp not connected (${connection.status().state})`, { kind: "transient" });
      const sent = await socket.sendMessage(jid, content);
      const id = sent?.key.id;
      // Baileys relayed the message but reported nothing back: it may well have arrived.
      if (!id) throw new WhatsAppSendError("whatsapp returned no message id", { kind: "ambiguous" });
      return id;
    },
    classify: classifyWhatsAppError,
    status: () => connection.status(),
    ownsNumber: () => handler !== null && now().getTime() < heldUntil,
  };
}
