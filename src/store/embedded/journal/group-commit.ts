interface Batch {
  chunks: Buffer[];
  /** How many append() calls (commands) are waiting on this batch. */
  commits: number;
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
  return { chunks: [], commits: 0, done, resolve, reject };
}

/** Writes one batch and makes it durable; called serially, never twice at once. */
export type FlushBatch = (chunks: Buffer[]) => Promise<void>;

/** The longest a non-empty batch waits for the clients of the previous batch to come back. */
const GATHER_MS = 1;

/**
 * Group commit: appends made while a flush is running are collected into the next batch, so
 * concurrent commands share one write + fsync instead of queueing for one fsync each.
 *
 * Without help, N concurrent clients split into two alternating half-size batches: those answered
 * by one flush come back while the next flush is already running, or the first one back starts a
 * flush alone. So after a flush of c commits, the next batch is held until the c clients just
 * answered have rejoined it (c more commits), or for GATHER_MS at most. A lone client (c = 1)
 * never waits: its next commit meets the target at once.
 *
 * A failed flush is sticky: memory is ahead of disk from then on, so every later commit is refused.
 */
export class GroupCommit {
  private open: Batch | undefined;
  private inFlight: Batch | undefined;
  private wake: { cancel(): void; gatherTarget: number } | undefined;
  private failure: Error | undefined;

  constructor(private readonly flush: FlushBatch) {}

  /** Queues chunks; resolves once they and everything queued before them are durable. */
  append(chunks: readonly Buffer[]): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (chunks.length === 0) return this.barrier();
    const batch = (this.open ??= newBatch());
    for (const chunk of chunks) batch.chunks.push(chunk); // not push(...): a batch can hold 100k mutations
    batch.commits += 1;
    this.queued(false);
    return batch.done;
  }

  /** Resolves once everything queued so far is durable, queueing nothing. */
  barrier(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.open?.done ?? this.inFlight?.done ?? Promise.resolve();
  }

  /** Runs a flush soon even with nothing queued, so the flush callback gets a turn (compaction). */
  sync(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const batch = (this.open ??= newBatch());
    this.queued(true);
    return batch.done;
  }

  private queued(force: boolean): void {
    if (this.inFlight) return; // the running loop looks at the open batch when its flush ends
    const wake = this.wake;
    if (wake && wake.gatherTarget === 0) return; // a flush is already due
    if (wake && !force && (this.open?.commits ?? 0) < wake.gatherTarget) return;
    this.runSoon();
  }

  private runSoon(): void {
    this.wake?.cancel();
    // setImmediate, not a microtask: commands from every socket read in this I/O phase join the batch.
    const handle = setImmediate(() => this.start());
    this.wake = { cancel: () => clearImmediate(handle), gatherTarget: 0 };
  }

  private gather(target: number): void {
    const handle = setTimeout(() => this.start(), GATHER_MS);
    this.wake = { cancel: () => clearTimeout(handle), gatherTarget: target };
  }

  private start(): void {
    this.wake = undefined;
    void this.run();
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
      if (batch.commits > 0) {
        // Appends made during the flush; TypeScript's narrowing cannot see them across the await.
        const waiting = (this.open as Batch | undefined)?.commits ?? 0;
        return this.gather(waiting + batch.commits);
      }
    }
  }

  private fail(error: Error, batch: Batch): void {
    this.failure = error;
    batch.reject(error);
    this.open?.reject(error);
    this.open = undefined;
  }
}
