/**
 * The Telegram adapter (grammY). Inbound: long polling (`bot.start`) or webhook bodies handed to
 * `handleUpdate` by the HTTP router; both go through the pure converter and the inbound handler,
 * and every callback query is answered. Outbound: one Bot API call per `send`, on a client with
 * its own short timeout (the polling client must wait out long polls).
 */
import { Api, Bot } from "grammy";
import type { Logger } from "../../log.js";
import type { Channel, ChannelCapabilities, InboundHandler, OutboundMessage, OutboundPart, OutboundPayload, SendFailure } from "../channel.js";
import type { OwnMedia } from "../media.js";
import { classifyTelegramError } from "./classify.js";
import { convertUpdate, TELEGRAM } from "./convert.js";
import { renderPayload } from "../render.js";
import { sendPart } from "./send-part.js";

export interface TelegramChannelOptions {
  token: string;
  mode: "webhook" | "polling";
  /** Bot API server root without trailing slash (self-hosted server, or the fake in tests). */
  apiRoot?: string;
  /** Webhook mode: when set, `start` registers this URL with `secret` as its secret token. */
  webhookUrl?: string;
  webhookSecret?: string;
  /** Per-send timeout; past it a send is ambiguous. Default 30 s. */
  sendTimeoutSeconds?: number;
  /** Long-poll duration of getUpdates. Default 30 s. */
  pollTimeoutSeconds?: number;
  /** Polling: wait between redeliveries of an update the handler refused (store down). Default 1 s. */
  redeliverDelayMs?: number;
  /** Media we host (ID cards): uploaded as bytes, since Telegram cannot fetch a private URL. */
  ownMedia?: OwnMedia;
  log: Logger;
}

export interface TelegramChannel extends Channel {
  /** Processes one webhook body. Rejects when the handler could not record it (→ 5xx, redelivery). */
  handleUpdate(raw: unknown): Promise<void>;
}

export const TELEGRAM_CAPABILITIES: ChannelCapabilities = {
  maxTextLength: 4096,
  maxCaptionLength: 1024,
  choices: { type: "buttons", maxDataBytes: 64 },
};

/** Update types we act on; Telegram then does not even send the others. */
const ALLOWED_UPDATES = ["message", "callback_query", "my_chat_member"] as const;

export function createTelegramChannel(options: TelegramChannelOptions): TelegramChannel {
  const { token, log } = options;
  const client = options.apiRoot ? { apiRoot: options.apiRoot } : {};
  const bot = new Bot(token, { client });
  const sendApi = new Api(token, { ...client, timeoutSeconds: options.sendTimeoutSeconds ?? 30 });
  let handler: InboundHandler | null = null;
  let polling: Promise<void> | null = null;

  async function handleUpdate(raw: unknown): Promise<void> {
    if (!handler) throw new Error("telegram channel not started");
    const result = convertUpdate(raw);
    if (result.type === "ignored") log.debug({ channel: TELEGRAM, updateId: result.updateId, reason: result.reason }, "telegram: update ignored");
    else await handler(result.event);
    if (result.callbackQueryId) await answerCallback(bot.api, result.callbackQueryId, log);
  }

  return {
    name: TELEGRAM,
    capabilities: TELEGRAM_CAPABILITIES,
    handleUpdate,
    async start(onInbound) {
      handler = onInbound;
      if (options.mode === "webhook") {
        if (options.webhookUrl) {
          const secret = options.webhookSecret ? { secret_token: options.webhookSecret } : {};
          await bot.api.setWebhook(options.webhookUrl, { ...secret, allowed_updates: [...ALLOWED_UPDATES] });
        }
        return;
      }
      bot.use((ctx) => deliverUntilRecorded(() => handleUpdate(ctx.update), bot, options.redeliverDelayMs ?? 1000, log));
      bot.catch((error) => log.error({ err: error.error, channel: TELEGRAM }, "telegram: update handling failed"));
      const run = startPolling(bot, options.pollTimeoutSeconds ?? 30, log);
      polling = run.done;
      await run.started;
    },
    async stop() {
      if (bot.isRunning()) await bot.stop();
      await polling;
      handler = null;
    },
    render: (payload: OutboundPayload): OutboundPart[] => renderPayload(payload, TELEGRAM_CAPABILITIES),
    send: (message: OutboundMessage) => sendPart(sendApi, message, options.ownMedia),
    classify: (error: unknown): SendFailure => classifyTelegramError(error),
  };
}

/** Runs grammY's long polling; resolves `started` once the first getUpdates is about to go out. */
function startPolling(bot: Bot, timeout: number, log: Logger): { done: Promise<void>; started: Promise<void> } {
  let onStarted!: () => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const done = bot
    .start({ timeout, allowed_updates: [...ALLOWED_UPDATES], onStart: () => onStarted() })
    .catch((error: unknown) => {
      // 401 (bad token) and 409 (webhook set / second poller) end polling for good: say so loudly.
      log.error({ err: error, channel: TELEGRAM }, "telegram: long polling stopped");
      onStarted();
    });
  return { done, started };
}

/**
 * Polling confirms an update by asking for the next offset, so a handler failure (store down)
 * must not let the loop move on: retry the same update until it is recorded or polling stops.
 */
async function deliverUntilRecorded(deliver: () => Promise<void>, bot: Bot, delayMs: number, log: Logger): Promise<void> {
  for (;;) {
    try {
      return await deliver();
    } catch (error) {
      if (!bot.isRunning()) throw error;
      log.error({ err: error, channel: TELEGRAM }, "telegram: could not record an update; retrying");
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function answerCallback(api: Api, id: string, log: Logger): Promise<void> {
  try {
    await api.answerCallbackQuery(id);
  } catch (error) {
    // The event is recorded already; an unanswered query only leaves a spinner for a few seconds.
    log.warn({ err: error, channel: TELEGRAM }, "telegram: answering a callback query failed");
  }
}
