import { mkdir, stat, unlink } from "node:fs/promises";
import type { DeserializeOptions } from "bson";
import type { Engine, Mutation } from "../contract.js";
import type { Log } from "../log.js";
import { fsyncDir, listJournals } from "./files.js";
import { GroupCommit } from "./group-commit.js";
import { JournalFile } from "./journal-file.js";
import { acquireLock } from "./lock.js";
import { encodeMutations, encodeRecord } from "./record.js";
import { recover } from "./recover.js";
import { encodeSnapshot, writeSnapshot } from "./snapshot.js";

export interface JournalOptions {
  dir: string;
  engine: Engine;
  bsonOptions: DeserializeOptions;
  log: Log;
  /** Compact once the current journal grows past this many bytes. Default 64 MiB. */
  compactThresholdBytes?: number;
}

const DEFAULT_COMPACT_THRESHOLD = 64 * 1024 * 1024;

/** A compaction's synchronous cut: the state snapshot and the journal it supersedes. */
interface Cut {
  records: Buffer[];
  previous: JournalFile;
}

/**
 * The data directory: recovery at open, group-committed appends, and compaction into a snapshot.
 * See README.md ("Journal") for the format and the durability argument.
 */
export class Journal {
  private readonly commits = new GroupCommit((chunks) => this.flush(chunks));
  private compactRequested = false;
  private snapshotting: Promise<void> | undefined;
  private closed = false;

  private constructor(
    private readonly options: JournalOptions,
    private file: JournalFile,
    private snapshotGen: number,
    private readonly releaseLock: () => void,
  ) {}

  /** Locks the directory and loads the snapshot and journals into `options.engine`. */
  static async open(options: JournalOptions): Promise<Journal> {
    await mkdir(options.dir, { recursive: true });
    const releaseLock = acquireLock(options.dir);
    try {
      const { engine, dir, bsonOptions, log } = options;
      const started = performance.now();
      const recovered = await recover({ dir, bsonOptions, log, apply: (m) => engine.apply(m) });
      const file = new JournalFile(dir, recovered.gen);
      file.size = await stat(file.path).then((s) => s.size, () => 0);
      log("info", "embedded mongo: data directory loaded", {
        dir, mutations: recovered.mutations, ms: Math.round(performance.now() - started),
      });
      return new Journal(options, file, recovered.snapshotGen, releaseLock);
    } catch (error) {
      releaseLock();
      throw error;
    }
  }

  /** Resolves once `mutations`, and every mutation committed before them, are on disk. */
  commit(mutations: readonly Mutation[]): Promise<void> {
    if (this.closed) return Promise.reject(new Error("embedded mongo: journal is closed"));
    return this.commits.append(encodeMutations(mutations));
  }

  /** Folds the journal into a fresh snapshot. */
  async compact(): Promise<void> {
    await this.snapshotting;
    this.compactRequested = true;
    await this.commits.sync();
    await this.snapshotting;
  }

  /** Compacts unless the snapshot already holds everything, then releases the directory. */
  async close(): Promise<void> {
    if (this.closed) return;
    try {
      if (this.file.size > 0 || this.file.gen !== this.snapshotGen) await this.compact();
      else await this.commits.barrier();
    } finally {
      this.closed = true;
      await this.file.close();
      this.releaseLock();
    }
  }

  private async flush(chunks: Buffer[]): Promise<void> {
    // The cut happens before the first await: the engine state then is exactly the journals so
    // far plus `chunks`, which still go to the old journal. Later batches go to the new one.
    const cut = this.compactRequested && !this.snapshotting ? this.tryCut() : undefined;
    const target = cut?.previous ?? this.file;
    if (chunks.length > 0) await target.append(encodeRecord(chunks));
    if (cut) {
      await cut.previous.close();
      this.snapshotting = this.finishCompaction(cut).finally(() => (this.snapshotting = undefined));
    } else if (this.file.size > (this.options.compactThresholdBytes ?? DEFAULT_COMPACT_THRESHOLD)) {
      this.compactRequested = true;
    }
  }

  /** Snapshots the engine and rotates the journal; a failure here must not fail the commit. */
  private tryCut(): Cut | undefined {
    this.compactRequested = false;
    const previous = this.file;
    try {
      const records = encodeSnapshot(previous.gen + 1, this.options.engine.snapshot());
      this.file = new JournalFile(this.options.dir, previous.gen + 1);
      return { records, previous };
    } catch (error) {
      this.options.log("error", "embedded mongo: could not encode a snapshot; not compacting", { error: (error as Error).message });
      return undefined;
    }
  }

  private async finishCompaction(cut: Cut): Promise<void> {
    const { dir, log } = this.options;
    try {
      await writeSnapshot(dir, cut.records);
      this.snapshotGen = cut.previous.gen + 1;
      for (const old of await listJournals(dir)) if (old.gen < this.snapshotGen) await unlink(old.path);
      await fsyncDir(dir);
      log("info", "embedded mongo: compacted the journal into a snapshot", { dir, gen: this.snapshotGen });
    } catch (error) {
      // The old journals are only deleted after the snapshot is in place, so nothing is lost.
      log("error", "embedded mongo: compaction failed; keeping the journals", { dir, error: (error as Error).message });
    }
  }
}
