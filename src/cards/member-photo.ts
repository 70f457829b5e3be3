/**
 * A member's photo as we keep it: at most 480 px on its longer side, re-encoded as JPEG. Least
 * data: enough for the ID card and no more, and re-encoding drops whatever else the file carried
 * (EXIF location, camera, time). Input is capped (5 MB, 50 megapixels by its header, checked
 * before decoding) so a hostile file cannot exhaust memory; anything undecodable is refused.
 */
import { createCanvas, loadImage } from "@napi-rs/canvas";

export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MAX_SIDE = 480;
const MAX_PIXELS = 50_000_000;
const JPEG_QUALITY = 82;

export type PreparedPhoto = { ok: true; jpeg: Buffer; width: number; height: number } | { ok: false; reason: "too_big" | "unreadable" };

/** Checks, scales down and re-encodes `bytes` (JPEG, PNG or WebP). Never throws. */
export async function preparePhoto(bytes: Buffer, maxSide = PHOTO_MAX_SIDE): Promise<PreparedPhoto> {
  if (bytes.length > PHOTO_MAX_BYTES) return { ok: false, reason: "too_big" };
  const size = imageSize(bytes);
  if (!size || size.width === 0 || size.height === 0) return { ok: false, reason: "unreadable" };
  if (size.width * size.height > MAX_PIXELS) return { ok: false, reason: "too_big" };
  try {
    const image = await loadImage(bytes);
    const scale = Math.min(1, maxSide / Math.max(image.width, image.height));
    const width = Math.max(1, Math.round(image.width * scale));
    const height = Math.max(1, Math.round(image.height * scale));
    const canvas = createCanvas(width, height);
    const ctx = canvas.getContext("2d");
    // JPEG has no transparency: a transparent PNG gets a white background, not black.
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(image, 0, 0, width, height);
    return { ok: true, jpeg: await canvas.encode("jpeg", JPEG_QUALITY), width, height };
  } catch {
    return { ok: false, reason: "unreadable" };
  }
}

/** Width and height from the file header (JPEG SOF, PNG IHDR, WebP VP8/VP8L/VP8X); undefined for anything else. */
export function imageSize(b: Buffer): { width: number; height: number } | undefined {
  if (b.length >= 24 && b.readUInt32BE(0) === 0x89504e47 && b.toString("latin1", 12, 16) === "IHDR") return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
  if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  if (b.length >= 30 && b.toString("latin1", 0, 4) === "RIFF" && b.toString("latin1", 8, 12) === "WEBP") return webpSize(b);
  return undefined;
}

function jpegSize(b: Buffer): { width: number; height: number } | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) {
      i++; // fill byte
      continue;
    }
    // SOF0–SOF15 carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + b.readUInt16BE(i + 2);
  }
  return undefined;
}

function webpSize(b: Buffer): { width: number; height: number } | undefined {
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8X") return { width: 1 + b.readUIntLE(24, 3), height: 1 + b.readUIntLE(27, 3) };
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  if (chunk === "VP8 ") return { width: b.readUInt16LE(26) & 0x3fff, height: b.readUInt16LE(28) & 0x3fff };
  return undefined;
}
