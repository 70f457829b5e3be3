/**
 * Downloads an inbound WhatsApp image from its media reference. The encrypted file is fetched
 * here — from `directPath` on the host of `url`, as Baileys builds the address — with a size
 * cap, a timeout and its `fileEncSha256` checked; Baileys' own `downloadContentFromMessage` then
 * decrypts it (HKDF-expanded `mediaKey`, AES-256-CBC), reading it from a `data:` URL, and the
 * plaintext is checked against `fileSha256`.
 *
 * Why not let Baileys fetch it too: it pipes the HTTP body into its decipher with `pipe`, which
 * does not forward a source error, so a connection dropped mid-file is an unhandled stream
 * error (a process crash) and a read that never ends. No socket is needed either way: any
 * instance can download, whichever one holds the number's lease.
 */
import { createHash } from "node:crypto";
import { DEFAULT_ORIGIN, downloadContentFromMessage, getUrlFromDirectPath } from "@whiskeysockets/baileys";
import { readAtMost, TOO_BIG, UNAVAILABLE, type MediaDownloader } from "../media.js";
import { parseMediaRef, type WaMediaRef } from "./media-ref.js";

/** CDN answers meaning the file is gone (expired, deleted) or the reference is wrong: retrying cannot help. */
const GONE = new Set([400, 403, 404, 410]);
/** AES-CBC padding (up to 16) and the 10-byte MAC come on top of the plaintext. */
const ENCRYPTION_OVERHEAD = 26;

export interface WhatsAppDownloaderOptions {
  /** Per download. Default 60 s. */
  timeoutMs?: number;
}

export function createWhatsAppDownloader(options: WhatsAppDownloaderOptions = {}): MediaDownloader {
  const timeoutMs = options.timeoutMs ?? 60_000;
  return {
    async download(ref, maxBytes) {
      const media = parseMediaRef(ref);
      const address = media ? downloadAddress(media) : undefined;
      if (!media?.mediaKey || !address) return UNAVAILABLE;
      if (media.fileLength !== undefined && media.fileLength > maxBytes) return TOO_BIG;
      const res = await fetch(address, { headers: { Origin: DEFAULT_ORIGIN }, signal: AbortSignal.timeout(timeoutMs) });
      if (GONE.has(res.status)) return UNAVAILABLE;
      if (!res.ok || !res.body) throw new Error(`whatsapp: media download failed with HTTP ${res.status}`);
      const encrypted = await readAtMost(res.body, maxBytes + ENCRYPTION_OVERHEAD);
      if (!encrypted) return TOO_BIG;
      // Corrupt in transit, or not the file the message announced.
      if (media.fileEncSha256 && sha256(encrypted) !== media.fileEncSha256) return UNAVAILABLE;
      const plain = await decrypt(encrypted, media.mediaKey);
      if (!plain || (media.fileSha256 && sha256(plain) !== media.fileSha256)) return UNAVAILABLE;
      return plain.length > maxBytes ? TOO_BIG : { ok: true, bytes: plain };
    },
  };
}

/** Where the encrypted file is: `https://<host of url><directPath>` when there is a directPath (as Baileys does), else `url`. */
function downloadAddress(media: WaMediaRef): string | undefined {
  if (media.directPath) return getUrlFromDirectPath(media.directPath, hostOf(media.url));
  return media.url;
}

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? new URL(url).host : undefined;
  } catch {
    return undefined;
  }
}

/** Baileys' decryption of the fetched bytes; undefined when they do not decrypt (wrong key, truncated). */
async function decrypt(encrypted: Buffer, mediaKey: string): Promise<Buffer | undefined> {
  try {
    const stream = await downloadContentFromMessage({ mediaKey: Buffer.from(mediaKey, "base64"), url: `data:application/octet-stream;base64,${encrypted.toString("base64")}` }, "image");
    return await readAtMost(stream, encrypted.length);
  } catch {
    return undefined;
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("base64");
}
