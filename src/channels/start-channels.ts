/**
 * Starts the configured messaging channels (Telegram, WhatsApp) with an outbox sender each, and
 * gives back what the HTTP app mounts (the Telegram webhook) and how to stop them in order.
 * The web chat needs none of this: it reads its replies straight from the outbox.
 */
import { randomUUID } from "node:crypto";
import type { Router } from "express";
import type { Connection } from "mongoose";
import type { Logger } from "../log.js";
import type { Runtime } from "../runtime/runtime.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { createOutboxSender, type OutboxSender } from "../jobs/sender/sender.js";
import { TELEGRAM_POLICY, WHATSAPP_POLICY } from "../jobs/sender/policy.js";
import { telegramWebhookRouter } from "../http/telegram-webhook.js";
import type { Channel } from "./channel.js";
import type { OwnMedia } from "./media.js";
import { createInboundSink } from "./inbound-sink.js";
import { createTelegramChannel } from "./telegram/telegram-channel.js";
import { createWhatsAppChannel } from "./whatsapp/whatsapp-channel.js";

export interface ChannelSettings {
  telegram?: { token: string; mode: "webhook" | "polling"; apiRoot?: string; webhookUrl?: string; webhookSecret?: string };
  whatsapp?: { sessionId: string; pairingNumber?: string };
}

export interface StartedChannels {
  /** Routers to mount before the JSON body parser (the Telegram webhook reads its own body). */
  rawRouters: Router[];
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
  /** Media we host (ID cards): uploaded as bytes rather than sent as URLs. */
  ownMedia?: OwnMedia;
  log: Logger;
  now(): Date;
}

export async function startChannels(deps: StartChannelsDeps): Promise<StartedChannels> {
  const { settings, log } = deps;
  const owner = randomUUID();
  const sink = createInboundSink({ runtime: deps.runtime, models: deps.models });
  const started: { channel: Channel; sender: OutboxSender }[] = [];
  const rawRouters: Router[] = [];
  const withSender = (channel: Channel, policy: typeof TELEGRAM_POLICY) => {
    const sender = createOutboxSender({ models: deps.models, channel, policy, owner, now: deps.now, random: Math.random, log: log.child({ channel: channel.name }) });
    started.push({ channel, sender });
    sender.start();
  };

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
  if (settings.whatsapp) {
    const whatsapp = createWhatsAppChannel({
      connection: deps.connection,
      models: deps.models,
      sessionId: settings.whatsapp.sessionId,
      ...(settings.whatsapp.pairingNumber ? { pairingNumber: settings.whatsapp.pairingNumber } : {}),
      ...(deps.ownMedia ? { ownMedia: deps.ownMedia } : {}),
      log: log.child({ channel: "whatsapp" }),
    });
    await whatsapp.start(sink);
    withSender(whatsapp, WHATSAPP_POLICY);
    log.info({ channel: "whatsapp" }, "channel: WhatsApp started (scan the QR code or enter the pairing code printed above)");
  }

  return {
    rawRouters,
    names: started.map((s) => s.channel.name),
    wake: () => started.forEach((s) => s.sender.wake()),
    async stop() {
      await Promise.all(started.map((s) => s.channel.stop()));
      await Promise.all(started.map((s) => s.sender.stop()));
    },
  };
}
