import { open, rename } from "node:fs/promises";
import { join } from "node:path";
import { serialize } from "bson";
import type { Mutation } from "../contract.js";
import { asBuffer } from "../wire/buffers.js";
import { fsyncDir, SNAPSHOT_FILE, SNAPSHOT_TMP_FILE } from "./files.js";
import { encodeMutations, encodeRecord } from "./record.js";

export const SNAPSHOT_VERSION = 1;
/** Mutations per snapshot record: bounds memory per record while keeping the record count low. */
const MUTATIONS_PER_RECORD = 1000;

export interface SnapshotHeader {
  snapshot: number;
  /** The snapshot holds everything journaled in generations below this one. */
  gen: number;
}

/**
 * Encodes a snapshot as records: a header record, then the state as mutations. Runs
 * synchronously so the state cannot change while it is being read.
 */
export function encodeSnapshot(gen: number, state: Iterable<Mutation>): Buffer[] {
  const header: SnapshotHeader = { snapshot: SNAPSHOT_VERSION, gen };
  const records = [encodeRecord([asBuffer(serialize({ ...header }))])];
  let batch: Mutation[] = [];
  for (const mutation of state) {
    batch.push(mutation);
    if (batch.length === MUTATIONS_PER_RECORD) {
      records.push(encodeRecord(encodeMutations(batch)));
      batch = [];
    }
  }
  if (batch.length > 0) records.push(encodeRecord(encodeMutations(batch)));
  return records;
}

/** Writes `snapshot.tmp`, fsyncs it, then renames it over `snapshot.bson` and fsyncs the dir. */
export async function writeSnapshot(dir: string, records: readonly Buffer[]): Promise<void> {
  const tmp = join(dir, SNAPSHOT_TMP_FILE);
  const handle = await open(tmp, "w");
  try {
    await handle.writev([...records]);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(tmp, join(dir, SNAPSHOT_FILE));
  await fsyncDir(dir);
}
