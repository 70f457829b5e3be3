/**
 * Streams a geography CSV into `geo_units`: each line is validated on its own (bad lines are
 * reported with their line numbers and skipped, good lines import), writes go out in unordered
 * bulk upserts of `batchSize`, and re-running the same file changes nothing.
 */
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import type { AnyBulkWriteOperation } from "mongoose";
import { splitCsvLine } from "../../domain/geo/csv-line.js";
import { checkGeoRow, missingColumns } from "../../domain/geo/csv-row.js";
import { ImportLedger } from "../../domain/geo/ledger.js";
import type { GeoRow } from "../../domain/geo/types.js";
import { writesForRow } from "./documents.js";
import type { GeoUnitDoc } from "./model.js";
import type { GeoRepository } from "./repository.js";

export interface LineError {
  line: number;
  messages: string[];
}

export interface ImportProgress {
  /** Data lines seen so far (header and blank lines excluded). */
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

/** The file cannot be imported at all (no header, missing columns): nothing was written. */
export class GeoImportError extends Error {
  override name = "GeoImportError";
}

export async function importGeoCsv(input: Readable, repo: GeoRepository, options: ImportOptions = {}): Promise<ImportSummary> {
  const { batchSize = 1000, maxErrors = 1000, onProgress, now = () => new Date() } = options;
  const started = performance.now();
  const summary: ImportSummary = { rows: 0, imported: 0, rejected: 0, bytes: 0, errors: [], elapsedMs: 0 };
  const batch = new Batch(repo, (rows) => {
    summary.imported += rows;
    onProgress?.({ rows: summary.rows, imported: summary.imported, rejected: summary.rejected, bytes: summary.bytes });
  });
  const ledger = new ImportLedger();
  let header: string[] | undefined;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    summary.bytes += Buffer.byteLength(line) + 1;
    if (line.trim() === "") continue;
    if (!header) {
      header = readHeader(line);
      continue;
    }
    summary.rows++;
    const row = readRow(line, header);
    const verdict = row.ok ? ledger.admit(row.value, lineNumber) : { errors: row.errors, fresh: undefined };
    if (!row.ok || verdict.errors.length > 0) {
      summary.rejected++;
      if (summary.errors.length < maxErrors) summary.errors.push({ line: lineNumber, messages: verdict.errors });
      continue;
    }
    await batch.add(writesForRow(row.value, now(), verdict.fresh), batchSize);
  }
  if (!header) throw new GeoImportError("the file is empty: expected a header line");
  await batch.flush();
  return { ...summary, elapsedMs: Math.round(performance.now() - started) };
}

/** Collects the writes of accepted rows and sends them `size` rows at a time. */
class Batch {
  private ops: AnyBulkWriteOperation<GeoUnitDoc>[] = [];
  private rows = 0;

  constructor(
    private readonly repo: GeoRepository,
    private readonly onFlushed: (rows: number) => void,
  ) {}

  async add(ops: AnyBulkWriteOperation<GeoUnitDoc>[], size: number): Promise<void> {
    this.ops.push(...ops);
    if (++this.rows >= size) await this.flush();
  }

  async flush(): Promise<void> {
    const rows = this.rows;
    await this.repo.write(this.ops);
    [this.ops, this.rows] = [[], 0];
    this.onFlushed(rows);
  }
}

function readHeader(line: string): string[] {
  const split = splitCsvLine(line.replace(/^\uFEFF/, ""));
  if (!split.ok) throw new GeoImportError(`the header line is not valid CSV: ${split.error}`);
  const names = split.fields.map((f) => f.trim().toLowerCase());
  const missing = missingColumns(names);
  if (missing.length > 0) throw new GeoImportError(`the header lacks required columns: ${missing.join(", ")}`);
  return names;
}

function readRow(line: string, header: string[]): { ok: true; value: GeoRow } | { ok: false; errors: string[] } {
  const split = splitCsvLine(line);
  if (!split.ok) return { ok: false, errors: [`unreadable CSV: ${split.error}`] };
  if (split.fields.length !== header.length) {
    return { ok: false, errors: [`has ${split.fields.length} fields, the header has ${header.length}`] };
  }
  return checkGeoRow(Object.fromEntries(header.map((name, i) => [name, split.fields[i]])));
}
