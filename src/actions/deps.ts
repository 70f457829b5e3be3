/**
 * What the enrolment actions need from outside: the store, configuration, the i18n port, the
 * channels' photo downloaders and the bot's addresses (for referral links). Built once by
 * `enrolmentActions`, shared by every action of the module.
 */
import type { Connection } from "mongoose";
import type { BotAddressSource } from "../channels/bot-addresses.js";
import type { MediaDownloaders } from "../channels/media.js";
import type { BotAddresses } from "../domain/referrals/links.js";
import type { FieldKeyring } from "../crypto/index.js";
import type { Translate } from "../engine/types.js";
import { districtKey } from "../domain/geo/keys.js";
import type { Names } from "../domain/geo/types.js";
import { geoUnitModel } from "../store/geo/model.js";
import { createGeoRepository, type GeoRepository } from "../store/geo/repository.js";
import { createAuditLog, type AuditLog } from "../store/members/audit.js";
import { createCardStore, type CardStore } from "../store/members/cards.js";
import { createMemberRepository, type MemberRepository } from "../store/members/repository.js";
import { createPhotoStore, type PhotoStore } from "../store/members/photos.js";

/** Configuration of enrolment (see src/config.ts for the variables behind it). */
export interface EnrolmentConfig {
  /** Printed on cards and named in the consent notice. */
  orgName: string;
  /** Who handles grievances (DPDP Act §8(10)): a phone number, e-mail or address, shown in the notice. */
  grievanceContact: string;
  /** Public base URL of this deployment, for card verification links (`<url>/verify/<code>`). */
  publicBaseUrl: string;
  /** The organisation's time zone: card issue dates are calendar dates there. */
  timezone: string;
  /** Seals religion and caste (AES-256-GCM). */
  keyring: FieldKeyring;
  /** HMAC key of card verification codes. */
  cardSigningKey: Buffer;
  /** Load the demo geography (Lucknow, synthetic booths) when the store has none. */
  seedDemoGeography: boolean;
  /** The organisation's logo (PNG/JPEG bytes, `ORG_LOGO_PATH`) for ID cards; a generated mark otherwise. */
  logo?: Buffer;
  /** The WhatsApp number for wa.me referral links (`WHATSAPP_NUMBER`); else the linked session's own. */
  whatsappNumber?: string;
}

export interface EnrolmentDeps {
  connection: Connection;
  config: EnrolmentConfig;
  translate: Translate;
  /** Photo downloaders by channel; a photo from a channel without one is not kept. */
  media?: MediaDownloaders;
  /** The bot's WhatsApp number and Telegram username, for referral links; none → no links. */
  addresses?: BotAddressSource;
}

/** The shared services the actions use. */
export interface EnrolmentServices {
  config: EnrolmentConfig;
  translate: Translate;
  members: MemberRepository;
  geo: GeoRepository;
  audit: AuditLog;
  cards: CardStore;
  photos: PhotoStore;
  media: MediaDownloaders;
  addresses(): Promise<BotAddresses>;
  /** A district's names (the geography repository has no lookup by district yet). */
  districtName(state: string, code: string): Promise<Names | undefined>;
  /** What the channel told us about the contact: phone (WhatsApp sender, Telegram shared contact) and roles. */
  contact(contactKey: string): Promise<{ phone?: string; roles: string[] }>;
}

export function enrolmentServices(deps: EnrolmentDeps): EnrolmentServices {
  const contacts = deps.connection.collection<{ _id: string; phone?: string; roles?: string[] }>("contacts");
  return {
    config: deps.config,
    translate: deps.translate,
    members: createMemberRepository(deps.connection),
    geo: createGeoRepository(deps.connection),
    audit: createAuditLog(deps.connection),
    cards: createCardStore(deps.connection),
    photos: createPhotoStore(deps.connection),
    media: deps.media ?? {},
    addresses: () => deps.addresses?.addresses() ?? Promise.resolve({}),
    async districtName(state, code) {
      return (await geoUnitModel(deps.connection).findById(districtKey(state, code), { name: 1 }).lean())?.name;
    },
    async contact(contactKey) {
      const found = await contacts.findOne({ _id: contactKey }, { projection: { phone: 1, roles: 1 } });
      return { ...(found?.phone ? { phone: found.phone } : {}), roles: found?.roles ?? [] };
    },
  };
}
