/**
 * The media wiring of the channels, in one place: photo downloaders for every channel a photo can
 * come from, our own card images for the adapters to upload, the web simulator's upload store,
 * and the bot's addresses for referral links.
 */
import type { Connection } from "mongoose";
import type { EnrolmentConfig } from "../actions/deps.js";
import { cardMedia } from "../cards/card-media.js";
import type { Logger } from "../log.js";
import { createCardStore } from "../store/members/cards.js";
import { botAddressSource, type BotAddressSource } from "./bot-addresses.js";
import type { MediaDownloaders, OwnMedia } from "./media.js";
import type { ChannelSettings } from "./start-channels.js";
import { createTelegramDownloader } from "./telegram/download.js";
import { createWebMediaStore, type WebMediaStore } from "./web/web-media.js";
import { createWhatsAppDownloader } from "./whatsapp/download.js";

export interface ChannelMedia {
  downloaders: MediaDownloaders;
  ownMedia: OwnMedia;
  webMedia: WebMediaStore;
  addresses: BotAddressSource;
}

export interface ChannelMediaDeps {
  connection: Connection;
  channels: ChannelSettings | undefined;
  enrolment: Pick<EnrolmentConfig, "publicBaseUrl" | "whatsappNumber">;
  log: Logger;
}

export async function channelMedia(deps: ChannelMediaDeps): Promise<ChannelMedia> {
  const { telegram, whatsapp } = deps.channels ?? {};
  const webMedia = createWebMediaStore(deps.connection);
  await webMedia.init();
  return {
    downloaders: {
      web: webMedia.downloader,
      // WhatsApp media downloads need no socket, so any instance can fetch them.
      whatsapp: createWhatsAppDownloader(),
      ...(telegram ? { telegram: createTelegramDownloader({ token: telegram.token, ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}) }) } : {}),
    },
    ownMedia: cardMedia(createCardStore(deps.connection), deps.enrolment.publicBaseUrl),
    webMedia,
    addresses: botAddressSource({
      connection: deps.connection,
      whatsapp: { ...(deps.enrolment.whatsappNumber ? { number: deps.enrolment.whatsappNumber } : {}), ...(whatsapp ? { sessionId: whatsapp.sessionId } : {}) },
      ...(telegram ? { telegram: { token: telegram.token, ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}) } } : {}),
      log: deps.log,
    }),
  };
}
