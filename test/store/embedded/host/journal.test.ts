import { mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Document, Engine, Mutation } from "../../../../src/store/embedded/contract.js";
import { journalFileName } from "../../../../src/store/embedded/journal/files.js";
import { Journal, type JournalOptions } from "../../../../src/store/embedded/journal/journal.js";
import { JournalCorruptError } from "../../../../src/store/embedded/journal/recover.js";
import { encodeMutations, encodeRecord, scanRecords } from "../../../../src/store/embedded/journal/record.js";
import type { LogLevel } from "../../../../src/store/embedded/log.js";
import { createEngine, ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";

let dir: string;
let logs: Array<{ level: LogLevel; msg: string; fields?: Record<string, unknown> }>;
const open: Journal[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "sampark-journal-"));
  logs = [];
});
afterEach(async () => {
  for (const journal of open.splice(0)) await journal.close().catch(() => {});
  await rm(dir, { recursive: true, force: true });
});

async function openJournal(engine = createEngine(), extra: Partial<JournalOptions> = {}) {
  const journal = await Journal.open({
    dir, engine, bsonOptions: ENGINE_BSON_OPTIONS, log: (level, msg, fields) => logs.push({ level, msg, fields }), ...extra,
  });
  open.push(journal);
  return { journal, engine };
}

/** Runs an insert on the engine and commits its mutations, as the server does. */
async function put(engine: Engine, journal: Journal, ...ids: number[]): Promise<void> {
  const documents: Document[] = ids.map((_id) => ({ _id, payload: "x".repeat(100) }));
  const { reply, mutations } = engine.runCommand("app", { insert: "items", documents, $db: "app" });
  expect(reply).toMatchObject({ ok: 1, n: ids.length });
  await journal.commit(mutations);
}

function idsIn(engine: Engine): number[] {
  const { reply } = engine.runCommand("app", { find: "items", filter: {}, sort: { _id: 1 }, batchSize: 100_000, $db: "app" });
  const batch = (reply.cursor as { firstBatch: Document[] }).firstBatch;
  return batch.map((doc) => Number(doc._id));
}

/** Simulates kill -9: forgets the open journals without compacting and removes the dead lock. */
async function crash(): Promise<void> {
  open.splice(0);
  await rm(join(dir, "LOCK"));
}

async function closeAll(): Promise<void> {
  for (const journal of open.splice(0)) await journal.close();
}

const journalPath = (gen = 1): string => join(dir, journalFileName(gen));
const idsAfterReopen = async (): Promise<number[]> => idsIn((await openJournal()).engine);

describe("Journal", () => {
  it("replays committed mutations after a restart without a clean close", async () => {
    const { journal, engine } = await openJournal();
    await Promise.all([put(engine, journal, 1, 2), put(engine, journal, 3), put(engine, journal, 4)]);
    await crash();
    expect(await idsAfterReopen()).toEqual([1, 2, 3, 4]);
  });

  it("batches concurrent commits into one record (group commit)", async () => {
    const { journal, engine } = await openJournal();
    await Promise.all(Array.from({ length: 50 }, (_, i) => put(engine, journal, i)));
    const { records } = scanRecords(await readFile(journalPath()));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(10);
  });

  it("cuts a torn last record with a warning and keeps the records before it", async () => {
    const { journal, engine } = await openJournal();
    await put(engine, journal, 1);
    const goodSize = (await stat(journalPath())).size;
    await put(engine, journal, 2);
    await crash();
    const bytes = await readFile(journalPath());
    await writeFile(journalPath(), bytes.subarray(0, bytes.length - 7));
    expect(await idsAfterReopen()).toEqual([1]);
    expect((await stat(journalPath())).size).toBe(goodSize);
    const warning = logs.find((l) => l.level === "warn");
    expect(warning?.msg).toMatch(/torn/);
    expect(warning?.fields).toMatchObject({ file: journalPath(), offset: goodSize });
  });

  it("refuses to start on damage before the last record, naming the file and offset", async () => {
    const { journal, engine } = await openJournal();
    await put(engine, journal, 1);
    const secondAt = (await stat(journalPath())).size;
    await put(engine, journal, 2);
    await put(engine, journal, 3);
    await crash();
    const bytes = await readFile(journalPath());
    bytes.writeUInt8(bytes[secondAt + 20]! ^ 0xff, secondAt + 20);
    await writeFile(journalPath(), bytes);
    const failure = await openJournal().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JournalCorruptError);
    expect((failure as JournalCorruptError).message).toContain(`${journalPath()} is corrupt at byte offset ${secondAt}`);
    await expect(readdir(dir)).resolves.not.toContain("LOCK");
  });

  it("compacts into a snapshot past the threshold and on close, and reloads the same state", async () => {
    const { journal, engine } = await openJournal(undefined, { compactThresholdBytes: 2_000 });
    for (let i = 0; i < 40; i++) await put(engine, journal, i);
    await journal.compact();
    const files = await readdir(dir);
    expect(files).toContain("snapshot.bson");
    // The superseded journal is gone; the next one is created by its first append.
    expect(files).not.toContain(journalFileName(1));
    expect(logs.some((l) => l.msg.includes("compacted"))).toBe(true);
    await put(engine, journal, 40);
    await closeAll();
    expect((await readdir(dir)).filter((f) => f.startsWith("journal-"))).toEqual([]);
    expect(await idsAfterReopen()).toEqual(Array.from({ length: 41 }, (_, i) => i));
  });

  it("ignores snapshot.tmp and journals older than the snapshot, and deletes them", async () => {
    const first = await openJournal();
    await put(first.engine, first.journal, 1);
    await closeAll();
    const second = await openJournal();
    await put(second.engine, second.journal, 2);
    await crash();
    await writeFile(journalPath(1), "garbage from before the snapshot");
    await writeFile(join(dir, "snapshot.tmp"), "a snapshot that was never renamed");
    expect(await idsAfterReopen()).toEqual([1, 2]);
    expect(await readdir(dir)).not.toContain(journalFileName(1));
    expect(await readdir(dir)).not.toContain("snapshot.tmp");
  });

  it("replays every generation in order when a crash hit before the snapshot was renamed", async () => {
    const { journal, engine } = await openJournal();
    await put(engine, journal, 1);
    await crash();
    const insert2: Mutation = { op: "insert", db: "app", coll: "items", doc: { _id: 2 } };
    await writeFile(journalPath(2), encodeRecord(encodeMutations([insert2])));
    expect(await idsAfterReopen()).toEqual([1, 2]);
  });

  it("refuses a second open of the same directory while the first holds it", async () => {
    await openJournal();
    await expect(openJournal()).rejects.toThrow(/locked by running process/);
  });
});
