/**
 * One-time codes that prove control of a membership's registered chat. A code is derived from a
 * server key and the challenge id (HMAC), so a re-run of the action that sent it — after a crash —
 * sends the very same code; the store keeps only a keyed hash of it, never the code itself, and
 * the hash is worthless without the key (no offline guessing of the million six-digit codes).
 */
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** Digits of a code. */
export const PROOF_CODE_LENGTH = 6;

/** The proof key, derived from a deployment secret (the card signing key) for this one purpose. */
export function proofKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), "sampark-membership-proof:v1", 32));
}

/** The code of challenge `challengeId`: six digits, leading zeros kept. */
export function proofCode(key: Buffer, challengeId: string): string {
  const mac = createHmac("sha256", key).update(`code:${challengeId}`).digest();
  // 48 bits modulo 10^6: the bias is below 10^-8.
  return String(mac.readUIntBE(0, 6) % 10 ** PROOF_CODE_LENGTH).padStart(PROOF_CODE_LENGTH, "0");
}

/** What the store keeps of a code. */
export function proofCodeHash(key: Buffer, challengeId: string, code: string): string {
  return createHmac("sha256", key).update(`hash:${challengeId}:${code}`).digest("base64url");
}

/** Whether `typed` is the code whose hash is `stored`, in constant time. */
export function proofCodeMatches(key: Buffer, challengeId: string, typed: string, stored: string): boolean {
  const a = Buffer.from(proofCodeHash(key, challengeId, typed.trim()));
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}
