import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { fsyncDir, journalFileName } from "./files.js";

/** One journal generation opened for appending. Opens lazily so a rotation can switch files synchronously. */
export class JournalFile {
  readonly path: string;
  private handle: Promise<FileHandle> | undefined;

  constructor(
    private readonly dir: string,
    readonly gen: number,
    public size = 0,
  ) {
    this.path = join(dir, journalFileName(gen));
  }

  /** Appends a record and fdatasyncs it: the record is durable when this resolves. */
  async append(record: Buffer): Promise<void> {
    const handle = await (this.handle ??= this.openHandle());
    const { bytesWritten } = await handle.write(record);
    if (bytesWritten !== record.length) throw new Error(`short write to ${this.path}: ${bytesWritten} of ${record.length}`);
    await handle.datasync();
    this.size += record.length;
  }

  async close(): Promise<void> {
    if (this.handle) await (await this.handle).close();
    this.handle = undefined;
  }

  private async openHandle(): Promise<FileHandle> {
    const handle = await open(this.path, "a");
    // A new file's directory entry must be durable too, or the records in it could vanish.
    await fsyncDir(this.dir);
    return handle;
  }
}
