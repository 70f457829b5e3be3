/**
 * A secret kept in a local file for the embedded/development setup: created once with random
 * bytes and mode 0600, exclusively ('wx'), so two starting processes never overwrite each other.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

export interface LocalKeyFile {
  /** The file's content: base64 of the random bytes. */
  base64: string;
  created: boolean;
  /** Group or others may read it: worth a warning. */
  readableByOthers: boolean;
}

export async function readOrCreateKeyFile(path: string, bytes: number): Promise<LocalKeyFile> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  let created = true;
  try {
    await writeFile(path, `${randomBytes(bytes).toString("base64")}\n`, { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    created = false;
  }
  const base64 = (await readFile(path, "utf8")).trim();
  const readableByOthers = ((await stat(path)).mode & 0o077) !== 0;
  return { base64, created, readableByOthers };
}
