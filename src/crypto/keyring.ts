/**
 * Field-encryption keys. Each 256-bit key has a short id derived from it, written into every
 * sealed value, so a keyring can hold the current key plus retired ones still needed to read.
 */
import { createHash } from "node:crypto";

export const FIELD_KEY_BYTES = 32;

export interface FieldKey {
  /** 8 base64url characters of SHA-256 over a label and the key: identifies, reveals nothing useful. */
  id: string;
  key: Buffer;
}

export interface FieldKeyring {
  /** Seals new values. */
  current: FieldKey;
  /** Every key that may open a value, the current one included. */
  byId: ReadonlyMap<string, Buffer>;
}

/** Thrown at startup when configured key material is not a base64 256-bit key. */
export class FieldKeyError extends Error {
  override name = "FieldKeyError";
}

export function fieldKey(key: Buffer): FieldKey {
  if (key.length !== FIELD_KEY_BYTES) throw new FieldKeyError(`a field key must be ${FIELD_KEY_BYTES} bytes, got ${key.length}`);
  const id = createHash("sha256").update("sampark-field-key\0").update(key).digest("base64url").slice(0, 8);
  return { id, key };
}

/** Decodes a base64 (or base64url) key; `label` names its source in the error. */
export function decodeFieldKey(base64: string, label: string): FieldKey {
  const text = base64.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(text)) throw new FieldKeyError(`${label}: not base64`);
  const bytes = Buffer.from(text, text.includes("-") || text.includes("_") ? "base64url" : "base64");
  if (bytes.length !== FIELD_KEY_BYTES) throw new FieldKeyError(`${label}: must decode to ${FIELD_KEY_BYTES} bytes, got ${bytes.length}`);
  return fieldKey(bytes);
}

export function createKeyring(current: FieldKey, previous: FieldKey[] = []): FieldKeyring {
  const byId = new Map<string, Buffer>();
  for (const k of [current, ...previous]) byId.set(k.id, k.key);
  return { current, byId };
}
