/**
 * Write-behind for successful sends: results are flushed in one bulk write every few milliseconds
 * or every `maxSize` rows, instead of one round trip per message. A crash before a flush leaves
 * those rows leased with `sendingAt` set, so they are reclaimed as in flight (ambiguous) — the
 * buffer just widens the in-flight window by at most `maxSize` rows.
 */
import type { Logger } from "../../log.js";
import type { RuntimeModels } from "../../store/models/runtime-models.js";
import { recordSentMany, type SentResult } from "./outbox-rows.js";

export interface SentBuffer {
  add(result: SentResult): void;
  /** Writes everything buffered; resolves when it is stored. */
  flush(): Promise<void>;
  /** Rows added whose write has not completed yet: a crash now would leave them in flight. */
  unwritten(): number;
}

/** Rows per bulk write. The sender bounds `unwritten()` by twice this. */
export const SENT_BATCH = 50;

export function createSentBuffer(models: RuntimeModels, owner: string, log: Logger, maxSize = SENT_BATCH, maxDelayMs = 25): SentBuffer {
  let pending: SentResult[] = [];
  let timer: NodeJS.Timeout | null = null;
  let writing: Promise<void> = Promise.resolve();
  let unwritten = 0;

  function flush(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    // Chained so flushes land in order and `flush()` waits for earlier ones too.
    writing = writing.then(() =>
      recordSentMany(models, owner, batch)
        .catch((error: unknown) => {
          log.error({ err: error, rows: batch.length }, "sender: recording sent rows failed; they will be reclaimed as in flight");
        })
        .finally(() => (unwritten -= batch.length)),
    );
    return writing;
  }

  return {
    add(result) {
      unwritten++;
      pending.push(result);
      if (pending.length >= maxSize) void flush();
      else timer ??= setTimeout(() => void flush(), maxDelayMs);
    },
    flush,
    unwritten: () => unwritten,
  };
}
