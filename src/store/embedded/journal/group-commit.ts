interface Batch {
  chunks: Buffer[];
  done: Promise<void>;
  resolve: () => void;
  reject: (error: Error) => void;
}

function newBatch(): Batch {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const done = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  // Every caller gets `done` and handles it; this only stops an unobserved batch from crashing.
  done.catch(() => {});
  return { chunks: [], done, resolve, reject };
}

/** Writes one batch and makes it durable; called serially, never twice at once. */
export type FlushBatch = (chunks: Buffer[]) => Promise<void>;

/**
 * Group commit: appends made while a flush is running are collected into the next batch, so
 * concurrent commands share one write + fsync instead of queueing for one fsync each. A failed
 * flush is sticky: memory is ahead of disk from then on, so every later commit is refused.
 */
export class GroupCommit {
  private open: Batch | undefined;
  private inFlight: Batch | undefined;
  private scheduled = false;
  private failure: Error | undefined;

  constructor(private readonly flush: FlushBatch) {}

  /** Queues chunks; resolves once they and everything queued before them are durable. */
  append(chunks: readonly Buffer[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (chunks.length === 0) return this.barrier();
    const batch = (this.open ??= newBatch());
    batch.chunks.push(...chunks);
    this.schedule();
    return batch.done;
  }

  /** Resolves once everything queued so far is durable, queueing nothing. */
  barrier(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.open?.done ?? this.inFlight?.done ?? Promise.resolve();
  }

  /** Runs a flush even with nothing queued, so the flush callback gets a turn (compaction). */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = (this.open ??= newBatch());
    this.schedule();
    return batch.done;
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return; // a running flush loop takes the open batch next
    this.scheduled = true;
    // setImmediate, not a microtask: commands from every socket read in this I/O phase join the batch.
    setImmediate(() => {
      this.scheduled = false;
      void this.run();
    });
  }

  private async run(): Promise<void> {
    while (this.open && !this.inFlight) {
      const batch = this.open;
      this.open = undefined;
      this.inFlight = batch;
      try {
        await this.flush(batch.chunks);
        batch.resolve();
      } catch (error) {
        this.fail(error instanceof Error ? error : new Error(String(error)), batch);
      }
      this.inFlight = undefined;
    }
  }

  private fail(error: Error, batch: Batch): void {
    this.failure = error;
    batch.reject(error);
    this.open?.reject(error);
    this.open = undefined;
  }
}
