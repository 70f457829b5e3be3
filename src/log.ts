/**
 * Structured JSON logging (pino). Personal data is redacted wherever it appears under the usual
 * field names, so a stray `log.info({ member })` cannot leak a voter ID or phone number.
 */
import { pino, type Logger, type DestinationStream } from "pino";

export type { Logger };

const PERSONAL_FIELDS = ["phone", "epic", "voterId", "religion", "caste", "photo", "address", "text", "dob"];

/** Paths pino redacts: each personal field at the top level and up to two levels down. */
export const REDACT_PATHS = PERSONAL_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`]);

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: "sampark" },
      redact: { paths: REDACT_PATHS, censor: "[redacted]" },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
