import { open, readdir } from "node:fs/promises";
import { join } from "node:path";

/**
 * Data directory layout:
 * - `journal-<gen>.log`: journals, replayed in generation order on top of the snapshot;
 * - `snapshot.bson`: the compacted state; it covers every journal with a generation below its own;
 * - `snapshot.tmp`: a snapshot being written (discarded at start: it was never renamed into place);
 * - `LOCK`: the pid of the process that has the directory open.
 */
export const SNAPSHOT_FILE = "snapshot.bson";
export const SNAPSHOT_TMP_FILE = "snapshot.tmp";
export const LOCK_FILE = "LOCK";

const JOURNAL_NAME = /^journal-(\d{6,})\.log$/;

export function journalFileName(gen: number): string {
  return `journal-${String(gen).padStart(6, "0")}.log`;
}

export interface JournalFile {
  gen: number;
  path: string;
}

export async function listJournals(dir: string): Promise<JournalFile[]> {
  const files: JournalFile[] = [];
  for (const name of await readdir(dir)) {
    const match = JOURNAL_NAME.exec(name);
    if (match?.[1]) files.push({ gen: Number(match[1]), path: join(dir, name) });
  }
  return files.sort((a, b) => a.gen - b.gen);
}

/** Makes a create, rename or unlink in `dir` durable (the entry lives in the directory's inode). */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
