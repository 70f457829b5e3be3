/**
 * The card signing key: from config (CARD_SIGNING_KEY, base64, ≥ 32 bytes), or for the embedded
 * development setup a 0600 key file in DATA_DIR, with a warning to log — replacing that file
 * makes every card printed so far verify as "invalid".
 */
import { join } from "node:path";
import { readOrCreateKeyFile } from "../crypto/local-key-file.js";
import { MIN_SIGNING_KEY_BYTES } from "./verification-code.js";

export const CARD_KEY_FILE_NAME = "card-signing.key";

export interface LoadedSigningKey {
  key: Buffer;
  warning?: string;
}

export async function loadCardSigningKey(options: { keyBase64?: string | undefined; dataDir: string }): Promise<LoadedSigningKey> {
  if (options.keyBase64) return { key: decode(options.keyBase64, "CARD_SIGNING_KEY") };
  const path = join(options.dataDir, CARD_KEY_FILE_NAME);
  const file = await readOrCreateKeyFile(path, MIN_SIGNING_KEY_BYTES);
  const warning =
    `ID cards: ${file.created ? "created a NEW signing key file" : "using the local signing key file"} ${path}` +
    (file.readableByOthers ? " (WARNING: readable by other users; chmod 600 it)" : "") +
    ". Keep it: cards signed with it stop verifying if it changes. In production set CARD_SIGNING_KEY.";
  return { key: decode(file.base64, path), warning };
}

function decode(base64: string, label: string): Buffer {
  const key = Buffer.from(base64.trim(), "base64");
  if (key.length < MIN_SIGNING_KEY_BYTES) throw new RangeError(`${label}: must be base64 of at least ${MIN_SIGNING_KEY_BYTES} bytes`);
  return key;
}
