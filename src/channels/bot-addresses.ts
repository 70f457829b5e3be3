/**
 * Where people reach this bot on each channel, for referral links: the linked WhatsApp number
 * (configured, else read from the linked session's creds) and the Telegram bot's username (from
 * `getMe`, asked once). An address that cannot be found yet is left out, never an error: a
 * referral link is a convenience, and the "JOIN <code>" text works without one.
 */
import { Api } from "grammy";
import type { Connection } from "mongoose";
import type { BotAddresses } from "../domain/referrals/links.js";
import type { Logger } from "../log.js";
import { linkedWhatsAppNumber } from "../store/wa-auth/linked-number.js";

export interface BotAddressSource {
  addresses(): Promise<BotAddresses>;
}

export interface BotAddressOptions {
  connection: Connection;
  /** `number`: configured (`WHATSAPP_NUMBER`); `sessionId`: the linked session to read it from otherwise. */
  whatsapp?: { number?: string; sessionId?: string };
  telegram?: { token: string; apiRoot?: string };
  log: Logger;
}

export function botAddressSource(options: BotAddressOptions): BotAddressSource {
  const { whatsapp, telegram, log } = options;
  const api = telegram ? new Api(telegram.token, { ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}), timeoutSeconds: 10 }) : undefined;
  let username: string | undefined;
  const telegramUsername = async (): Promise<string | undefined> => {
    if (!api || username) return username;
    try {
      username = (await api.getMe()).username;
    } catch (error) {
      // Not cached: the next enrolment asks again.
      log.warn({ err: error, channel: "telegram" }, "telegram: getMe failed; referral links without Telegram for now");
    }
    return username;
  };
  const whatsappNumber = async (): Promise<string | undefined> => {
    if (whatsapp?.number) return whatsapp.number;
    return whatsapp?.sessionId ? linkedWhatsAppNumber(options.connection, whatsapp.sessionId) : undefined;
  };
  return {
    async addresses() {
      const [number, name] = await Promise.all([whatsappNumber(), telegramUsername()]);
      return { ...(number ? { whatsappNumber: number } : {}), ...(name ? { telegramUsername: name } : {}) };
    },
  };
}
