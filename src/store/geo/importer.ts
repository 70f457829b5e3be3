/**
 * Streams a geography CSV into `geo_units`: each line is validated on its own (bad lines are
 * reported with their line numbers and skipped, good lines import), writes go out in unordered
 * bulk upserts of `batchSize`, and re-running the same file changes nothing.
 */
import type { Readable } from "node:stream";
import { parse, type CsvError, type Info } from "csv-parse";
import type { AnyBulkWriteOperation } from "mongoose";
import { checkGeoRow, missingColumns } from "../../domain/geo/csv-row.js";
import { ImportLedger } from "../../domain/geo/ledger.js";
import { writesForRow } from "./documents.js";
import type { GeoUnitDoc } from "./model.js";
import type { GeoRepository } from "./repository.js";

export interface LineError {
  line: number;
  messages: string[];
}

export interface ImportProgress {
  /** Data lines seen so far (the header excluded). */
  rows: number;
  imported: number;
  rejected: number;
  /** Bytes of the file consumed, for a progress bar against its size. */
  bytes: number;
}

export interface ImportSummary extends ImportProgress {
  /** At most `maxErrors` entries; `rejected` counts them all. */
  errors: LineError[];
  elapsedMs: number;
}

export interface ImportOptions {
  batchSize?: number;
  maxErrors?: number;
  onProgress?: (progress: ImportProgress) => void;
  /** Injected clock for `updatedAt` (tests pin it). */
  now?: () => Date;
}

/** The file cannot be imported at all (missing columns): nothing was written. */
export class GeoImportError extends Error {
  override name = "GeoImportError";
}

interface ParsedLine {
  record: Record<string, string>;
  info: Info;
}

export async function importGeoCsv(input: Readable, repo: GeoRepository, options: ImportOptions = {}): Promise<ImportSummary> {
  const { batchSize = 1000, maxErrors = 1000, onProgress, now = () => new Date() } = options;
  const started = performance.now();
  const state: ImportSummary = { rows: 0, imported: 0, rejected: 0, bytes: 0, errors: [], elapsedMs: 0 };
  const reject = (line: number, messages: string[]): void => {
    state.rejected++;
    if (state.errors.length < maxErrors) state.errors.push({ line, messages });
  };
  const parser = input.pipe(
    csvParser((error) => {
      state.rows++;
      reject(lineOf(error), [`unreadable CSV: ${error.message}`]);
    }),
  );
  const ledger = new ImportLedger();
  let batch: AnyBulkWriteOperation<GeoUnitDoc>[] = [];
  let pending = 0;
  const flush = async (): Promise<void> => {
    await repo.write(batch);
    state.imported += pending;
    batch = [];
    pending = 0;
    onProgress?.({ rows: state.rows, imported: state.imported, rejected: state.rejected, bytes: state.bytes });
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<ParsedLine>) {
      state.rows++;
      state.bytes = info.bytes;
      const checked = checkGeoRow(record);
      const verdict = checked.ok ? ledger.admit(checked.value, info.lines) : { errors: checked.errors, fresh: undefined };
      if (!checked.ok || verdict.errors.length > 0) {
        reject(info.lines, verdict.errors);
        continue;
      }
      batch.push(...writesForRow(checked.value, now(), verdict.fresh));
      if (++pending >= batchSize) await flush();
    }
  } catch (error) {
    if (error instanceof GeoImportError) throw error;
    throw new GeoImportError(`cannot read the CSV: ${(error as Error).message}`, { cause: error });
  }
  await flush();
  return { ...state, elapsedMs: Math.round(performance.now() - started) };
}

function csvParser(onSkip: (error: CsvError) => void) {
  return parse({
    bom: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
    skip_records_with_error: true,
    info: true,
    on_skip: (error) => {
      if (error) onSkip(error);
      return undefined;
    },
    columns: (header: string[]) => {
      const names = header.map((h) => h.trim().toLowerCase());
      const missing = missingColumns(names);
      if (missing.length > 0) throw new GeoImportError(`the header lacks required columns: ${missing.join(", ")}`);
      return names;
    },
  });
}

function lineOf(error: CsvError): number {
  const lines = (error as { lines?: unknown }).lines;
  return typeof lines === "number" ? lines : 0;
}
