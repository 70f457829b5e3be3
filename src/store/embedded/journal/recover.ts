import { open, readFile, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { deserialize, type DeserializeOptions } from "bson";
import type { Mutation } from "../contract.js";
import type { Log } from "../log.js";
import { fsyncDir, listJournals, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE, type JournalFile } from "./files.js";
import { CorruptRecordError, decodeMutations, scanRecords, type RecordSlice } from "./record.js";
import { SNAPSHOT_VERSION } from "./snapshot.js";

export interface RecoverOptions {
  dir: string;
  apply: (mutation: Mutation) => void;
  bsonOptions: DeserializeOptions;
  log: Log;
}

export interface Recovered {
  /** The generation to keep appending to (the newest journal, or the snapshot's). */
  gen: number;
  /** The snapshot's generation (1 when there is none). */
  snapshotGen: number;
  mutations: number;
}

/** Refusal to start: names the file and the byte offset so an operator can inspect it. */
export class JournalCorruptError extends Error {
  override readonly name = "JournalCorruptError";
  constructor(
    readonly file: string,
    readonly offset: number,
    reason: string,
  ) {
    super(`embedded mongo: ${file} is corrupt at byte offset ${offset}: ${reason}; refusing to start`);
  }
}

/** Loads the snapshot, then replays newer journals, cutting a torn tail off the newest one. */
export async function recover(options: RecoverOptions): Promise<Recovered> {
  await rm(join(options.dir, SNAPSHOT_TMP_FILE), { force: true });
  const snapshot = await loadSnapshot(options);
  let mutations = snapshot.mutations;
  const journals = await listJournals(options.dir);
  const stale = journals.filter((j) => j.gen < snapshot.gen);
  const live = journals.filter((j) => j.gen >= snapshot.gen);
  for (const [index, journal] of live.entries()) {
    mutations += await replayJournal(journal, live.slice(index + 1), options);
  }
  for (const journal of stale) await unlink(journal.path);
  if (stale.length > 0) await fsyncDir(options.dir);
  return { gen: live.at(-1)?.gen ?? snapshot.gen, snapshotGen: snapshot.gen, mutations };
}

async function loadSnapshot(options: RecoverOptions): Promise<{ gen: number; mutations: number }> {
  const path = join(options.dir, SNAPSHOT_FILE);
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return undefined;
    throw error;
  });
  if (!bytes) return { gen: 1, mutations: 0 };
  // The snapshot was renamed into place after an fsync, so any damage is corruption.
  const { records, torn } = scanOrRefuse(path, bytes);
  if (torn) throw new JournalCorruptError(path, torn.offset, torn.reason);
  const [first, ...rest] = records;
  const header = first ? deserialize(first.payload) : {};
  if (header.snapshot !== SNAPSHOT_VERSION || typeof header.gen !== "number") {
    throw new JournalCorruptError(path, 0, "missing or unsupported snapshot header");
  }
  let count = 0;
  for (const record of rest) count += applyRecord(path, record, options);
  return { gen: header.gen, mutations: count };
}

async function replayJournal(journal: JournalFile, later: JournalFile[], options: RecoverOptions): Promise<number> {
  const bytes = await readFile(journal.path);
  const { records, torn, validEnd } = scanOrRefuse(journal.path, bytes);
  let count = 0;
  for (const record of records) count += applyRecord(journal.path, record, options);
  if (!torn) return count;
  if (await anyNonEmpty(later)) throw new JournalCorruptError(journal.path, torn.offset, `${torn.reason} before a newer journal`);
  options.log("warn", "embedded mongo: cutting a torn record off the end of the journal", {
    file: journal.path, offset: torn.offset, reason: torn.reason, bytesDropped: bytes.length - validEnd,
  });
  await truncateDurably(journal.path, validEnd);
  return count;
}

function scanOrRefuse(path: string, bytes: Buffer): ReturnType<typeof scanRecords> {
  try {
    return scanRecords(bytes);
  } catch (error) {
    if (error instanceof CorruptRecordError) throw new JournalCorruptError(path, error.offset, error.reason);
    throw error;
  }
}

function applyRecord(path: string, record: RecordSlice, options: RecoverOptions): number {
  let mutations: Mutation[];
  try {
    mutations = decodeMutations(record.payload, options.bsonOptions);
  } catch (error) {
    throw new JournalCorruptError(path, record.offset, (error as Error).message);
  }
  for (const mutation of mutations) options.apply(mutation);
  return mutations.length;
}

async function anyNonEmpty(files: JournalFile[]): Promise<boolean> {
  for (const file of files) if ((await stat(file.path)).size > 0) return true;
  return false;
}

async function truncateDurably(path: string, length: number): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.truncate(length);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
