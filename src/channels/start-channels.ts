/**
 * Starts the configured channels (the web simulator's, Telegram, WhatsApp) with an outbox sender
 * each, and gives back what the HTTP app mounts (the Telegram webhook, the web chat API) and how
 * to stop them in order. Every channel's replies go through its sender: lanes, quiet hours,
 * retries and the identity lease work the same for all of them.
 */
import { randomUUID } from "node:crypto";
import type { Router } from "express";
import type { Connection } from "mongoose";
import type { QuietHours } from "../domain/quiet-hours.js";
import type { Logger } from "../log.js";
import type { Runtime } from "../runtime/runtime.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { createOutboxSender, type OutboxSender, type SenderOptions } from "../jobs/sender/sender.js";
import { TELEGRAM_POLICY, WEB_POLICY, WHATSAPP_POLICY, type SendPolicy } from "../jobs/sender/policy.js";
import { telegramWebhookRouter } from "../http/telegram-webhook.js";
import type { Channel } from "./channel.js";
import type { OwnMedia } from "./media.js";
import { createInboundSink } from "./inbound-sink.js";
import { createTelegramChannel } from "./telegram/telegram-channel.js";
import { createWebChannel, type WebChannel } from "./web/web-channel.js";
import type { LoginNotifier } from "./whatsapp/login-prompt.js";
import type { WhatsAppSocketFactory } from "./whatsapp/socket.js";
import { createWhatsAppChannel, type WhatsAppChannel } from "./whatsapp/whatsapp-channel.js";

export interface ChannelSettings {
  /** The web simulator's channel (`WEB_SIMULATOR`). */
  web?: boolean;
  telegram?: { token: string; mode: "webhook" | "polling"; apiRoot?: string; webhookUrl?: string; webhookSecret?: string };
  whatsapp?: {
    sessionId: string;
    pairingNumber?: string;
    /** Tests: the Baileys fake, a short number lease, and where login prompts go. */
    socketFactory?: WhatsAppSocketFactory;
    leaseTtlMs?: number;
    notifyLogin?: LoginNotifier;
  };
}

export interface StartedChannels {
  /** Routers to mount before the JSON body parser (the Telegram webhook reads its own body). */
  rawRouters: Router[];
  /** The web channel, when started: the web chat API posts into it and reads from it. */
  web?: WebChannel;
  /** The WhatsApp channel, when started (its state backs the operators' page). */
  whatsapp?: WhatsAppChannel;
  /** Lets freshly committed replies go out now. */
  wake(): void;
  /** Stops intake first, then the senders (which finish what is in flight). */
  stop(): Promise<void>;
  names: string[];
}

export interface StartChannelsDeps {
  settings: ChannelSettings;
  runtime: Runtime;
  models: RuntimeModels;
  connection: Connection;
  /** Dialog and broadcast rows wait through these; replies still go. */
  quietHours?: QuietHours;
  /** Media we host (ID cards): uploaded as bytes rather than sent as URLs. */
  ownMedia?: OwnMedia;
  log: Logger;
  now(): Date;
}

type SenderTuning = Pick<SenderOptions, "identityLeaseMs" | "rowLeaseMs" | "onDelivered" | "holdsIdentity">;

export async function startChannels(deps: StartChannelsDeps): Promise<StartedChannels> {
  const { settings, log } = deps;
  const owner = randomUUID();
  const sink = createInboundSink({ runtime: deps.runtime, models: deps.models });
  const started: { channel: Channel; sender: OutboxSender }[] = [];
  const rawRouters: Router[] = [];
  const withSender = (channel: Channel, policy: SendPolicy, tuning: SenderTuning = {}): OutboxSender => {
    const sender = createOutboxSender({
      models: deps.models,
      channel,
      policy,
      owner,
      now: deps.now,
      random: Math.random,
      log: log.child({ channel: channel.name }),
      ...(deps.quietHours ? { quietHours: deps.quietHours } : {}),
      ...tuning,
    });
    started.push({ channel, sender });
    sender.start();
    return sender;
  };

  let web: WebChannel | undefined;
  if (settings.web) {
    web = createWebChannel({ connection: deps.connection, models: deps.models, now: deps.now, log: log.child({ channel: "web" }) });
    await web.start(sink);
    // A short identity lease: after a crash another instance answers the simulator within seconds.
    // Readers here learn of each delivered row at once, without waiting for it to be recorded.
    const channel = web;
    withSender(web, WEB_POLICY, { identityLeaseMs: 5_000, rowLeaseMs: 10_000, onDelivered: (row) => channel.delivered(row) });
  }
  if (settings.telegram) {
    const { token, mode, apiRoot, webhookUrl, webhookSecret } = settings.telegram;
    const telegram = createTelegramChannel({
      token,
      mode,
      ...(apiRoot ? { apiRoot } : {}),
      ...(webhookUrl ? { webhookUrl } : {}),
      ...(webhookSecret ? { webhookSecret } : {}),
      ...(deps.ownMedia ? { ownMedia: deps.ownMedia } : {}),
      log: log.child({ channel: "telegram" }),
    });
    if (mode === "webhook" && webhookSecret) {
      rawRouters.push(telegramWebhookRouter({ handleUpdate: (u) => telegram.handleUpdate(u), secret: webhookSecret, log }));
    }
    await telegram.start(sink);
    withSender(telegram, TELEGRAM_POLICY);
    log.info({ channel: "telegram", mode }, "channel: Telegram started");
  }
  let whatsapp: WhatsAppChannel | undefined;
  if (settings.whatsapp) {
    const { sessionId, pairingNumber, socketFactory, leaseTtlMs, notifyLogin } = settings.whatsapp;
    const live: { sender?: OutboxSender } = {};
    const channel = createWhatsAppChannel({
      connection: deps.connection,
      models: deps.models,
      sessionId,
      instanceId: owner,
      ...(pairingNumber ? { pairingNumber } : {}),
      ...(socketFactory ? { socketFactory } : {}),
      ...(leaseTtlMs ? { leaseTtlMs } : {}),
      ...(notifyLogin ? { notifyLogin } : {}),
      ...(deps.ownMedia ? { ownMedia: deps.ownMedia } : {}),
      onStatus: (status) => status.state === "open" && live.sender?.wake(),
      log: log.child({ channel: "whatsapp" }),
    });
    await channel.start(sink);
    // One instance owns the number: the sender runs only where the socket's lease is, and only
    // while the socket is open, so no other instance can claim WhatsApp rows it cannot send.
    live.sender = withSender(channel, WHATSAPP_POLICY, { holdsIdentity: () => channel.ownsNumber() && channel.status().state === "open" });
    whatsapp = channel;
    log.info({ channel: "whatsapp" }, "channel: WhatsApp started (link it at /admin/whatsapp, or scan the QR code / enter the pairing code printed above)");
  }

  return {
    rawRouters,
    ...(web ? { web } : {}),
    ...(whatsapp ? { whatsapp } : {}),
    names: started.map((s) => s.channel.name),
    wake: () => started.forEach((s) => s.sender.wake()),
    async stop() {
      await Promise.all(started.map((s) => s.channel.stop()));
      await Promise.all(started.map((s) => s.sender.stop()));
    },
  };
}
