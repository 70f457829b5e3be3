/**
 * A fake WhatsApp media CDN on 127.0.0.1 (real HTTP). `upload` encrypts a file exactly as a
 * WhatsApp client does before uploading it — a random 32-byte media key, HKDF-SHA256 expanded to
 * 112 bytes with info "WhatsApp Image Keys" (iv = bytes 0–16, cipher key 16–48, MAC key 48–80),
 * AES-256-CBC with PKCS#7 padding, then the first 10 bytes of HMAC-SHA256(macKey, iv ‖ ciphertext)
 * appended — and returns the `imageMessage` fields a recipient receives. Real Baileys code must
 * decrypt what it serves. Files can be expired (410), broken (5xx) or cut off mid-body.
 */
import { createCipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface UploadedImage {
  /** The `imageMessage` fields as Baileys hands them over (Buffers for the binary ones). */
  imageMessage: {
    url: string;
    mimetype: string;
    fileSha256: Buffer;
    fileEncSha256: Buffer;
    fileLength: number;
    mediaKey: Buffer;
    mediaKeyTimestamp: number;
    width?: number;
    height?: number;
  };
  path: string;
}

export type MediaFault = { type: "status"; status: number } | { type: "cut" };

export interface FakeWhatsAppMedia {
  url: string;
  upload(plain: Buffer, opts?: { mimetype?: string }): UploadedImage;
  /** The next request for `path` (or any path) gets this fault. */
  fault(fault: MediaFault, path?: string): void;
  /** Paths requested so far. */
  requests(): string[];
  close(): Promise<void>;
}

/** WhatsApp's media encryption (the inverse of Baileys' `downloadEncryptedContent`). */
export function encryptMedia(plain: Buffer, mediaKey: Buffer, info = "WhatsApp Image Keys"): { file: Buffer; fileSha256: Buffer; fileEncSha256: Buffer } {
  const expanded = Buffer.from(hkdfSync("sha256", mediaKey, Buffer.alloc(32), info, 112));
  const iv = expanded.subarray(0, 16);
  const cipherKey = expanded.subarray(16, 48);
  const macKey = expanded.subarray(48, 80);
  const cipher = createCipheriv("aes-256-cbc", cipherKey, iv);
  const enc = Buffer.concat([cipher.update(plain), cipher.final()]);
  const mac = createHmac("sha256", macKey).update(iv).update(enc).digest().subarray(0, 10);
  const file = Buffer.concat([enc, mac]);
  return { file, fileSha256: createHash("sha256").update(plain).digest(), fileEncSha256: createHash("sha256").update(file).digest() };
}

export async function startFakeWhatsAppMedia(): Promise<FakeWhatsAppMedia> {
  const files = new Map<string, Buffer>();
  const faults: { fault: MediaFault; path?: string }[] = [];
  const requested: string[] = [];
  let n = 0;

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    requested.push(url.pathname);
    const index = faults.findIndex((f) => f.path === undefined || f.path === url.pathname);
    const fault = index >= 0 ? faults.splice(index, 1)[0]?.fault : undefined;
    const file = files.get(url.pathname);
    if (fault?.type === "status") return void res.writeHead(fault.status).end();
    if (!file) return void res.writeHead(404).end();
    if (fault?.type === "cut") return cutOff(res, file);
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.length }).end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    upload(plain, opts = {}) {
      const mediaKey = randomBytes(32);
      const { file, fileSha256, fileEncSha256 } = encryptMedia(plain, mediaKey);
      const path = `/v/t62.7118-24/${100000 + n++}_${randomBytes(8).toString("hex")}_n.enc`;
      files.set(path, file);
      return {
        path,
        imageMessage: {
          url: `${base}${path}?ccb=11-4&oh=01_Q5Aa&oe=67A1B2C3&_nc_sid=5e03e0&mms3=true`,
          mimetype: opts.mimetype ?? "image/jpeg",
          fileSha256,
          fileEncSha256,
          fileLength: plain.length,
          mediaKey,
          mediaKeyTimestamp: 1736929870,
        },
      };
    },
    fault: (fault, path) => void faults.push({ fault, ...(path ? { path } : {}) }),
    requests: () => [...requested],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends half the file under a full content-length, then drops the connection. */
function cutOff(res: ServerResponse, file: Buffer): void {
  res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.length });
  res.write(file.subarray(0, Math.floor(file.length / 2)), () => setTimeout(() => res.socket?.destroy(), 20));
}
