/**
 * Where the field-encryption key comes from: configuration (production), or for the embedded
 * development setup a key file in DATA_DIR created on first start with mode 0600. The file case
 * returns a warning for the caller to log: losing that file makes sealed fields unreadable.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
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
  const created = await createKeyFileIfMissing(path);
  const key = decodeFieldKey(await readFile(path, "utf8"), path);
  const loose = ((await stat(path)).mode & 0o077) !== 0;
  const warning =
    `field encryption: using ${created ? "a NEW key file created at" : "the local key file"} ${path}` +
    (loose ? " (WARNING: readable by other users; chmod 600 it)" : "") +
    ". Back it up — without it religion/caste values cannot be read. In production set FIELD_ENCRYPTION_KEY.";
  return { keyring: createKeyring(key, previous), source: created ? "key-file-created" : "key-file", warning };
}

/** Creates the key file exclusively ('wx'), so two starting instances never overwrite each other. */
async function createKeyFileIfMissing(path: string): Promise<boolean> {
  await mkdir(join(path, ".."), { recursive: true, mode: 0o700 });
  try {
    await writeFile(path, `${randomBytes(FIELD_KEY_BYTES).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  return true;
}
