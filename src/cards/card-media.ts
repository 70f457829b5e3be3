/**
 * Card images by reference. A card goes into a message as its URL (`<PUBLIC_BASE_URL>/cards/<code>.png`,
 * which the web simulator shows directly); the Telegram and WhatsApp adapters resolve that URL to
 * the stored PNG through `cardMedia` and upload the bytes, since Telegram's and WhatsApp's servers
 * cannot fetch a URL on localhost or a private network.
 */
import type { OwnMedia } from "../channels/media.js";

const CODE = /^[A-Za-z0-9_.-]{1,64}$/;

export function cardImageUrl(publicBaseUrl: string, code: string): string {
  return `${publicBaseUrl.replace(/\/+$/, "")}/cards/${code}.png`;
}

/** The card code in a URL made by `cardImageUrl` with this base; undefined for any other reference. */
export function cardCodeOf(publicBaseUrl: string, ref: string): string | undefined {
  const prefix = `${publicBaseUrl.replace(/\/+$/, "")}/cards/`;
  if (!ref.startsWith(prefix) || !ref.endsWith(".png")) return undefined;
  const code = ref.slice(prefix.length, -".png".length);
  return CODE.test(code) ? code : undefined;
}

/** Our own card images, read from the card store (`member_cards`). */
export function cardMedia(cards: { png(code: string): Promise<Buffer | undefined> }, publicBaseUrl: string): OwnMedia {
  return {
    async resolve(ref) {
      const code = cardCodeOf(publicBaseUrl, ref);
      const png = code ? await cards.png(code) : undefined;
      return png && code ? { bytes: png, filename: `${code.split(".")[0] ?? "card"}.png`, mimetype: "image/png" } : undefined;
    },
  };
}
