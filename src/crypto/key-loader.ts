/**
 * Where the field-encryption key comes from: configuration (production), or for the embedded
 * development setup a key file in DATA_DIR created on first start with mode 0600. The file case
 * returns a warning for the caller to log: losing that file makes sealed fields unreadable.
 */
import { join } from "node:path";
import { readOrCreateKeyFile } from "./local-key-file.js";
import { FIELD_KEY_BYTES, createKeyring, decodeFieldKey, type FieldKeyring } from "./keyring.js";

export const KEY_FILE_NAME = "field-encryption.key";

export interface KeyLoaderOptions {
  /** Base64 current key from config (FIELD_ENCRYPTION_KEY). */
  keyBase64?: string | undefined;
  /** Base64 retired keys still needed to read old values (FIELD_ENCRYPTION_PREVIOUS_KEYS). */
  previousKeysBase64?: readonly string[];
  /** Used only when no key is configured. */
  dataDir: string;
}

export interface LoadedKeyring {
  keyring: FieldKeyring;
  source: "config" | "key-file-created" | "key-file";
  /** Set when the key is not from config: log it at warn level. */
  warning?: string;
}

export async function loadFieldKeyring(options: KeyLoaderOptions): Promise<LoadedKeyring> {
  const previous = (options.previousKeysBase64 ?? []).map((k, i) => decodeFieldKey(k, `FIELD_ENCRYPTION_PREVIOUS_KEYS[${i}]`));
  if (options.keyBase64) {
    return { keyring: createKeyring(decodeFieldKey(options.keyBase64, "FIELD_ENCRYPTION_KEY"), previous), source: "config" };
  }
  const path = join(options.dataDir, KEY_FILE_NAME);
  const file = await readOrCreateKeyFile(path, FIELD_KEY_BYTES);
  const warning =
    `field encryption: using ${file.created ? "a NEW key file created at" : "the local key file"} ${path}` +
    (file.readableByOthers ? " (WARNING: readable by other users; chmod 600 it)" : "") +
    ". Back it up — without it religion/caste values cannot be read. In production set FIELD_ENCRYPTION_KEY.";
  const keyring = createKeyring(decodeFieldKey(file.base64, path), previous);
  return { keyring, source: file.created ? "key-file-created" : "key-file", warning };
}
