/** A real pino logger that writes into memory so tests can assert on log lines. */
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/log.js";

export interface CapturedLogger {
  log: Logger;
  lines(): Array<Record<string, unknown>>;
}

export function captureLogger(level = "debug"): CapturedLogger {
  const chunks: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      chunks.push(chunk.toString("utf8"));
      done();
    },
  });
  const log = createLogger(level, sink);
  return {
    log,
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter((l) => l.trim() !== "")
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
