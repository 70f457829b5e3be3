/**
 * The media reference of an inbound WhatsApp image: `wa-media:v1:<base64url JSON>` holding only
 * what downloading and checking it later needs — where it is (`directPath`, and `url` for its
 * host), how to decrypt it (`mediaKey`), how to check it (`fileEncSha256`, `fileSha256`) and how
 * big it is (`fileLength`, so an oversized file is refused without fetching it).
 *
 * Why in the reference and not the raw message in a TTL'd collection: the reference already
 * travels where the photo answer goes (the session until enrolment ends, then cleared; the
 * inbound log for its 7 days) and nowhere else, so this adds no store, no expiry job and nothing
 * more to erase; a raw-message copy would also keep the caption, sender, thumbnail and context
 * info. WhatsApp keeps the encrypted file on its CDN for a limited time, so the reference is
 * only good for the conversation it arrived in — which is all enrolment needs.
 */
import { z } from "zod";

const PREFIX = "wa-media:v1:";

/** Binary fields arrive as Buffers/Uint8Arrays (live protobuf), base64 strings (JSON captures) or `{ type: "Buffer", data }` (BufferJSON). */
const binary = z.unknown().transform((v): string | undefined => {
  if (typeof v === "string") return v === "" ? undefined : Buffer.from(v, "base64").toString("base64");
  if (v instanceof Uint8Array) return v.length === 0 ? undefined : Buffer.from(v).toString("base64");
  const data = (v as { type?: unknown; data?: unknown } | null)?.data;
  if (typeof data === "string" || Array.isArray(data)) return binaryOf(data);
  return undefined;
});

/** protobuf uint64: a number, a decimal string, or a Long `{ low, high }`. */
const uint64 = z.unknown().transform((v): number | undefined => {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "string" && /^\d+$/.test(v)) return Number(v);
  const long = v as { low?: unknown; high?: unknown } | null;
  if (typeof long?.low === "number" && typeof long.high === "number") return long.high * 2 ** 32 + (long.low >>> 0);
  return undefined;
});

const text = z.unknown().transform((v) => (typeof v === "string" && v !== "" ? v : undefined));

const imageFields = z.looseObject({ url: text.optional(), directPath: text.optional(), mediaKey: binary.optional(), fileSha256: binary.optional(), fileEncSha256: binary.optional(), fileLength: uint64.optional() });

export interface WaMediaRef {
  url?: string;
  directPath?: string;
  /** base64 */
  mediaKey?: string;
  /** base64 SHA-256 of the decrypted file. */
  fileSha256?: string;
  /** base64 SHA-256 of the encrypted file (ciphertext and MAC). */
  fileEncSha256?: string;
  fileLength?: number;
}

const refSchema = z.object({
  url: z.string().optional(),
  directPath: z.string().optional(),
  mediaKey: z.string().optional(),
  fileSha256: z.string().optional(),
  fileEncSha256: z.string().optional(),
  fileLength: z.number().optional(),
});

/** The reference of an `imageMessage` (whatever shape it arrives in); never throws. */
export function mediaRefOf(imageMessage: unknown): string {
  const parsed = imageFields.safeParse(imageMessage ?? {});
  const fields: Partial<Record<keyof WaMediaRef, unknown>> = parsed.success ? parsed.data : {};
  const ref: WaMediaRef = {};
  for (const key of ["url", "directPath", "mediaKey", "fileSha256", "fileEncSha256", "fileLength"] as const) {
    const value = fields[key];
    if (value !== undefined) (ref as Record<string, unknown>)[key] = value;
  }
  return PREFIX + Buffer.from(JSON.stringify(ref)).toString("base64url");
}

/** The fields of a reference made by `mediaRefOf`; undefined for anything else. */
export function parseMediaRef(ref: string): WaMediaRef | undefined {
  if (!ref.startsWith(PREFIX)) return undefined;
  try {
    const parsed = refSchema.safeParse(JSON.parse(Buffer.from(ref.slice(PREFIX.length), "base64url").toString("utf8")));
    return parsed.success ? stripUndefined(parsed.data) : undefined;
  } catch {
    return undefined;
  }
}

function binaryOf(data: string | unknown[]): string | undefined {
  const bytes = typeof data === "string" ? Buffer.from(data, "base64") : Buffer.from(data.filter((n): n is number => typeof n === "number"));
  return bytes.length === 0 ? undefined : bytes.toString("base64");
}

function stripUndefined(ref: z.infer<typeof refSchema>): WaMediaRef {
  return Object.fromEntries(Object.entries(ref).filter(([, v]) => v !== undefined)) as WaMediaRef;
}
