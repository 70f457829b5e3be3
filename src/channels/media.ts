/**
 * Media ports between the channels and the rest of the app. Inbound: a `MediaDownloader` per
 * channel fetches what a photo's media reference points to (Telegram file id, WhatsApp media
 * reference, web upload id). Outbound: `OwnMedia` gives the bytes of media this deployment hosts
 * itself (ID cards), so adapters upload them instead of handing Telegram or WhatsApp a URL their
 * servers cannot reach when the deployment sits on localhost or a private network.
 */

/** The bytes behind a media reference, or why there are none. */
export type MediaFetch = { ok: true; bytes: Buffer } | { ok: false; reason: "too_big" | "unavailable" };

export interface MediaDownloader {
  /**
   * Fetches at most `maxBytes` of `ref`. A larger file is `too_big` (not read further); a file the
   * provider says is gone or never existed is `unavailable`. Network failures and provider
   * outages throw: the caller retries later.
   */
  download(ref: string, maxBytes: number): Promise<MediaFetch>;
}

/** Downloaders by channel name (`telegram`, `whatsapp`, `web`). */
export type MediaDownloaders = Readonly<Record<string, MediaDownloader>>;

export interface OwnMediaFile {
  bytes: Buffer;
  filename: string;
  mimetype: string;
}

export interface OwnMedia {
  /** The bytes of `ref` when it names media we host (an ID card); undefined for anything else. */
  resolve(ref: string): Promise<OwnMediaFile | undefined>;
}

export const TOO_BIG: MediaFetch = { ok: false, reason: "too_big" };
export const UNAVAILABLE: MediaFetch = { ok: false, reason: "unavailable" };

/**
 * Reads a byte stream up to `maxBytes`; undefined as soon as it goes past (the rest is not read,
 * and the stream is cancelled). Stream errors (connection reset mid-body) propagate.
 */
export async function readAtMost(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += chunk.length;
    if (total > maxBytes) return undefined; // leaving the loop cancels the stream
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}
