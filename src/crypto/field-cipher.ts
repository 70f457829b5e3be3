/**
 * AES-256-GCM for sensitive member fields (religion, caste). A sealed value is one compact
 * string, `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts), so it fits any string field
 * and carries the id of the key that sealed it: keys can rotate while old values stay readable.
 * The caller's `aad` (e.g. "members/<id>/religion") is authenticated, so a value copied to
 * another member's record, or another field, fails to decrypt.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { FieldKey, FieldKeyring } from "./keyring.js";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type FieldDecryptFailure = "malformed" | "unknown_key" | "authentication_failed";

/** Decryption failed: tampered or truncated data, a key we do not hold, or the wrong `aad`. */
export class FieldDecryptError extends Error {
  constructor(
    readonly failure: FieldDecryptFailure,
    options?: { cause?: unknown },
  ) {
    super(`field decryption failed: ${failure}`, options);
    this.name = "FieldDecryptError";
  }
}

/** Seals `plaintext` under `key`, bound to `aad`. A fresh random IV every call. */
export function encryptField(key: FieldKey, plaintext: string, aad: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key.key, iv);
  cipher.setAAD(associatedData(key.id, aad));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, key.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), ct.toString("base64url")].join(".");
}

/** Opens a value sealed by `encryptField` with any key of `keyring`. Throws FieldDecryptError. */
export function decryptField(keyring: FieldKeyring, sealed: string, aad: string): string {
  const parts = sealed.split(".");
  const [version, keyId = "", iv = "", tag = "", ct = ""] = parts;
  if (parts.length !== 5 || version !== VERSION) throw new FieldDecryptError("malformed");
  const key = keyring.byId.get(keyId);
  if (!key) throw new FieldDecryptError("unknown_key");
  const ivBytes = Buffer.from(iv, "base64url");
  const tagBytes = Buffer.from(tag, "base64url");
  if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) throw new FieldDecryptError("malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, ivBytes, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(keyId, aad));
    decipher.setAuthTag(tagBytes);
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch (error) {
    throw new FieldDecryptError("authentication_failed", { cause: error });
  }
}

/** True when `sealed` was made with an older key and should be re-encrypted with the current one. */
export function needsReencryption(keyring: FieldKeyring, sealed: string): boolean {
  return sealed.split(".")[1] !== keyring.current.id;
}

/** The header is authenticated too, so the version and key id cannot be swapped unnoticed. */
function associatedData(keyId: string, aad: string): Buffer {
  return Buffer.from(`${VERSION}.${keyId}.${aad}`, "utf8");
}

/** The conventional `aad` for a field of a stored document: binds the value to its place. */
export function fieldAad(collection: string, documentId: string, field: string): string {
  return `${collection}/${documentId}/${field}`;
}
