/**
 * Inbound WhatsApp photos: the converter keeps a media reference, and the downloader — Baileys'
 * own `downloadContentFromMessage` over real HTTP — fetches and decrypts what the fake CDN
 * encrypted the way WhatsApp does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BufferJSON } from "@whiskeysockets/baileys";
import { convertMessage } from "../../../src/channels/whatsapp/convert.js";
import { createWhatsAppDownloader } from "../../../src/channels/whatsapp/download.js";
import { mediaRefOf, parseMediaRef } from "../../../src/channels/whatsapp/media-ref.js";
import { startFakeWhatsAppMedia, type FakeWhatsAppMedia, type UploadedImage } from "../../fakes/whatsapp-media-server.js";
import { testImage } from "../../support/images.js";

const MB = 1024 * 1024;
let cdn: FakeWhatsAppMedia;
let photo: Buffer;

beforeAll(async () => {
  cdn = await startFakeWhatsAppMedia();
  photo = await testImage(960, 1280);
});
afterAll(() => cdn?.close());

/** A WAMessage as Baileys emits it in `messages.upsert`. */
function imageUpsertMessage(upload: UploadedImage, id = "3EB0C0FFEE") {
  return {
    key: { remoteJid: "919812345678@s.whatsapp.net", fromMe: false, id },
    messageTimestamp: 1736929876,
    pushName: "सुनीता देवी",
    message: { imageMessage: { ...upload.imageMessage, caption: "मेरा फ़ोटो", jpegThumbnail: Buffer.from("thumb") } },
  };
}

function refOf(raw: unknown): string {
  const result = convertMessage(raw);
  if (result.type !== "event") throw new Error(`ignored: ${result.reason}`);
  expect(result.event.message.kind).toBe("photo");
  return result.event.message.media ?? "";
}

const downloader = createWhatsAppDownloader({ timeoutMs: 2_000 });

describe("WhatsApp photo download", () => {
  it("keeps only what the download needs in the media reference", () => {
    const upload = cdn.upload(photo);
    const ref = parseMediaRef(refOf(imageUpsertMessage(upload)));
    expect(ref).toEqual({
      url: upload.imageMessage.url,
      mediaKey: upload.imageMessage.mediaKey.toString("base64"),
      fileSha256: upload.imageMessage.fileSha256.toString("base64"),
      fileEncSha256: upload.imageMessage.fileEncSha256.toString("base64"),
      fileLength: photo.length,
    });
    expect(JSON.stringify(ref)).not.toContain("सुनीता");
  });

  it("reads the same reference from a live message, its JSON capture and a BufferJSON capture", () => {
    const upload = cdn.upload(photo);
    const live = imageUpsertMessage(upload);
    const capture = JSON.parse(JSON.stringify(live, (_k, v: unknown) => (isBufferJson(v) ? Buffer.from(v.data).toString("base64") : v))) as unknown;
    const bufferJson = JSON.parse(JSON.stringify(live, BufferJSON.replacer)) as unknown;
    const fromLive = parseMediaRef(refOf(live));
    expect(parseMediaRef(refOf(capture))).toEqual(fromLive);
    expect(parseMediaRef(mediaRefOf((bufferJson as { message: { imageMessage: unknown } }).message.imageMessage))).toEqual(fromLive);
  });

  it("downloads and decrypts the image exactly", async () => {
    const upload = cdn.upload(photo);
    const fetched = await downloader.download(refOf(imageUpsertMessage(upload)), 5 * MB);
    expect(fetched.ok && fetched.bytes.equals(photo)).toBe(true);
    expect(cdn.requests()).toContain(upload.path);
  });

  it("refuses a file announced as too big without fetching it", async () => {
    const upload = cdn.upload(photo);
    expect(await downloader.download(refOf(imageUpsertMessage(upload)), 1000)).toEqual({ ok: false, reason: "too_big" });
    expect(cdn.requests()).not.toContain(upload.path);
  });

  it("treats an expired or deleted file as unavailable", async () => {
    const expired = cdn.upload(photo);
    cdn.fault({ type: "status", status: 410 }, expired.path);
    expect(await downloader.download(refOf(imageUpsertMessage(expired)), 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
    const missing = cdn.upload(photo);
    const ref = refOf(imageUpsertMessage({ ...missing, imageMessage: { ...missing.imageMessage, url: `${cdn.url}/v/t62.7118-24/gone.enc` } }));
    expect(await downloader.download(ref, 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("treats a file that does not decrypt or does not match its hashes as unavailable", async () => {
    const upload = cdn.upload(photo);
    const wrongKey = imageUpsertMessage({ ...upload, imageMessage: { ...upload.imageMessage, mediaKey: Buffer.alloc(32, 7) } });
    expect(await downloader.download(refOf(wrongKey), 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
    const wrongEncHash = imageUpsertMessage({ ...upload, imageMessage: { ...upload.imageMessage, fileEncSha256: Buffer.alloc(32, 1) } });
    expect(await downloader.download(refOf(wrongEncHash), 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
    const wrongHash = imageUpsertMessage({ ...upload, imageMessage: { ...upload.imageMessage, fileSha256: Buffer.alloc(32, 1) } });
    expect(await downloader.download(refOf(wrongHash), 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("builds the CDN address from directPath on the host of url, as Baileys does", async () => {
    // WhatsApp's CDN is https-only; with a directPath the download goes to https://<host><directPath>.
    const upload = cdn.upload(photo);
    const withPath = imageUpsertMessage({ ...upload, imageMessage: { ...upload.imageMessage, directPath: upload.path } as UploadedImage["imageMessage"] });
    // The fake speaks plain http, so an https request to its port fails at the TLS handshake: a transient error, not "unavailable".
    await expect(downloader.download(refOf(withPath), 5 * MB)).rejects.toThrow();
    expect(parseMediaRef(refOf(withPath))?.directPath).toBe(upload.path);
  });

  it("treats a message without a media key or location as unavailable", async () => {
    const bare = { key: { remoteJid: "919812345678@s.whatsapp.net", fromMe: false, id: "3EB0BARE" }, messageTimestamp: 1736929876, message: { imageMessage: { caption: "x" } } };
    expect(await downloader.download(refOf(bare), 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
    expect(await downloader.download("AgACAgIAAxkBAAI-telegram-id", 5 * MB)).toEqual({ ok: false, reason: "unavailable" });
  });

  it("throws on a CDN outage or a connection cut mid-file, so the step is retried", async () => {
    const broken = cdn.upload(photo);
    cdn.fault({ type: "status", status: 503 }, broken.path);
    await expect(downloader.download(refOf(imageUpsertMessage(broken)), 5 * MB)).rejects.toThrow();
    const cut = cdn.upload(photo);
    cdn.fault({ type: "cut" }, cut.path);
    await expect(downloader.download(refOf(imageUpsertMessage(cut)), 5 * MB)).rejects.toThrow();
    // The file itself is fine: the retry gets it.
    const retried = await downloader.download(refOf(imageUpsertMessage(cut)), 5 * MB);
    expect(retried.ok && retried.bytes.equals(photo)).toBe(true);
  });
});

function isBufferJson(v: unknown): v is { type: "Buffer"; data: number[] } {
  return typeof v === "object" && v !== null && (v as { type?: unknown }).type === "Buffer" && Array.isArray((v as { data?: unknown }).data);
}
