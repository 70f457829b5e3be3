/**
 * Media through the WhatsApp adapter (fake Baileys socket, real store): an inbound image becomes
 * a media reference the downloader fetches from the fake CDN; our own card goes out as its PNG
 * bytes, anything else by URL.
 */
import { randomBytes } from "node:crypto";
import { loadImage } from "@napi-rs/canvas";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../../src/channels/channel.js";
import { cardImageUrl, cardMedia } from "../../../src/cards/card-media.js";
import { renderCard } from "../../../src/cards/index.js";
import { createWhatsAppDownloader } from "../../../src/channels/whatsapp/download.js";
import { createCardStore } from "../../../src/store/members/cards.js";
import { startFakeWhatsAppMedia, type FakeWhatsAppMedia } from "../../fakes/whatsapp-media-server.js";
import { testImage } from "../../support/images.js";
import { startWhatsAppWorld, untilState, type WhatsAppWorld } from "./world.js";

const BASE = "http://10.0.0.5:3000"; // a private address WhatsApp's servers could never fetch
let world: WhatsAppWorld;
let cdn: FakeWhatsAppMedia;

beforeAll(async () => {
  world = await startWhatsAppWorld("wa-media");
  await world.seedLinked("media");
  cdn = await startFakeWhatsAppMedia();
});
afterAll(async () => {
  await world.close();
  await cdn.close();
});

describe("WhatsApp adapter: media", () => {
  it("turns an inbound image into a reference the downloader fetches and decrypts", async () => {
    const { channel, fake } = world.makeChannel({ sessionId: "media" });
    const events: ChannelEvent[] = [];
    await channel.start(async (e) => void events.push(e));
    await untilState(channel, "open");
    const photo = await testImage(640, 480);
    const upload = cdn.upload(photo);
    fake.latest().receive([{ key: { remoteJid: "919812345678@s.whatsapp.net", fromMe: false, id: "3EB0AA11" }, messageTimestamp: 1736929876, message: { imageMessage: upload.imageMessage } }]);
    await expect.poll(() => events.length).toBe(1);
    const message = events[0]?.type === "message" ? events[0].message : undefined;
    expect(message?.kind).toBe("photo");
    const fetched = await createWhatsAppDownloader().download(message?.media ?? "", 5 * 1024 * 1024);
    expect(fetched.ok && fetched.bytes.equals(photo)).toBe(true);
    await channel.stop();
  });

  it("sends our card as PNG bytes and other images by URL", async () => {
    const cards = createCardStore(world.connection);
    const card = await renderCard(
      { name: "Sunita Devi", membershipNumber: "UP-0000001-W", ac: { number: 170, name: { en: "Sarojini Nagar", hi: "सरोजनी नगर" } }, issuedOn: { year: 2025, month: 3, day: 1 } },
      { orgName: "Sampark" },
      { key: randomBytes(32), verifyBaseUrl: BASE },
    );
    await cards.save(card.code, "m_1", card.png, new Date());
    const { channel, fake } = world.makeChannel({ sessionId: "media", ownMedia: cardMedia(cards, BASE) });
    await channel.start(async () => undefined);
    await untilState(channel, "open");
    await channel.send({ recipient: "919812345678", part: { type: "photo", media: cardImageUrl(BASE, card.code), caption: "कार्ड" } });
    await channel.send({ recipient: "919812345678", part: { type: "photo", media: "https://example.org/poster.png" } });
    const [ours, theirs] = fake.latest().sent;
    const bytes = (ours?.content as { image?: unknown }).image;
    expect(Buffer.isBuffer(bytes)).toBe(true);
    const image = await loadImage(bytes as Buffer);
    expect([image.width, image.height]).toEqual([1012, 638]);
    expect(ours?.content).toMatchObject({ caption: "कार्ड" });
    expect(theirs?.content).toEqual({ image: { url: "https://example.org/poster.png" } });
    await channel.stop();
  });
});
