/**
 * Progress of a long import on stderr: a redrawn bar on a terminal, or a plain line every few
 * seconds when stderr is a file or a CI log (carriage returns would make those unreadable).
 */
import type { ImportProgress, ImportSummary } from "./importer.js";

export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface ProgressReporter {
  update(progress: ImportProgress): void;
  finish(summary: ImportSummary): void;
}

export interface ProgressOptions {
  /** Plain mode: at most one line per interval. */
  intervalMs?: number;
  /** TTY mode: at most one redraw per interval. */
  redrawMs?: number;
  now?: () => number;
}

const BAR_WIDTH = 30;

export function createProgressReporter(sink: ProgressSink, totalBytes: number, options: ProgressOptions = {}): ProgressReporter {
  const { intervalMs = 5_000, redrawMs = 100, now = () => Date.now() } = options;
  const started = now();
  const tty = sink.isTTY === true;
  // A terminal gets a bar at once; a log gets its first line only after an interval, so a short
  // import prints just the final line.
  let last = tty ? Number.NEGATIVE_INFINITY : started;
  const seconds = (): string => `${((now() - started) / 1000).toFixed(1)} s`;
  const percent = (bytes: number): number => (totalBytes > 0 ? Math.min(100, Math.floor((bytes / totalBytes) * 100)) : 0);
  const counts = (p: ImportProgress): string => `${p.rows.toLocaleString("en-IN")} rows, ${p.imported.toLocaleString("en-IN")} imported, ${p.rejected.toLocaleString("en-IN")} rejected`;
  return {
    update(progress) {
      if (now() - last < (tty ? redrawMs : intervalMs)) return;
      last = now();
      const pct = percent(progress.bytes);
      if (tty) {
        const filled = Math.round((pct / 100) * BAR_WIDTH);
        sink.write(`\r\x1b[2K[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${pct}%  ${counts(progress)}  ${seconds()}`);
      } else {
        sink.write(`import:geo ${pct}% — ${counts(progress)} — ${seconds()}\n`);
      }
    },
    finish(summary) {
      if (tty) sink.write(`\r\x1b[2K[${"#".repeat(BAR_WIDTH)}] 100%  ${counts(summary)}  ${seconds()}\n`);
      else sink.write(`import:geo 100% — ${counts(summary)} — ${seconds()}\n`);
    },
  };
}
