/**
 * `npm run import:geo -- <file.csv>`: imports a geography CSV (format in docs/enrolment.md) into
 * the configured store (MONGODB_URI, or the embedded store in DATA_DIR — stop `npm start` first,
 * it holds that directory's lock). Progress on stderr; summary and bad lines on stdout.
 * Exit code: 0 all lines imported, 1 some lines rejected (the rest imported), 2 nothing imported.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { openStore } from "../src/store/connection.js";
import { createProgressReporter } from "../src/store/geo/import-progress.js";
import { GeoImportError, importGeoCsv, type ImportSummary } from "../src/store/geo/importer.js";
import { createGeoRepository } from "../src/store/geo/repository.js";

const SHOWN_ERRORS = 50;

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write("usage: npm run import:geo -- <file.csv>\n");
    return 2;
  }
  const size = (await stat(file)).size;
  const config = loadConfig();
  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, log: createLogger("warn", process.stderr) });
  try {
    const progress = createProgressReporter(process.stderr, size);
    const summary = await importGeoCsv(createReadStream(file), createGeoRepository(store.connection), { onProgress: progress.update });
    progress.finish(summary);
    printSummary(file, summary);
    return summary.rejected > 0 ? 1 : 0;
  } catch (error) {
    if (!(error instanceof GeoImportError)) throw error;
    process.stderr.write(`import:geo: ${error.message}\n`);
    return 2;
  } finally {
    await store.close();
  }
}

function printSummary(file: string, s: ImportSummary): void {
  const lines = [
    `${file}: ${s.rows} rows, ${s.imported} imported, ${s.rejected} rejected in ${(s.elapsedMs / 1000).toFixed(1)} s`,
    ...s.errors.slice(0, SHOWN_ERRORS).map((e) => `  line ${e.line}: ${e.messages.join("; ")}`),
  ];
  if (s.rejected > SHOWN_ERRORS) lines.push(`  … and ${s.rejected - SHOWN_ERRORS} more rejected lines`);
  process.stdout.write(`${lines.join("\n")}\n`);
}

process.exitCode = await main();
