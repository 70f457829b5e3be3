/**
 * Geography import benchmark: generates a CSV of 160,000 booth rows (one state, 75 districts,
 * 403 ACs, ~397 booths each, Hindi and English names) and imports it into the embedded store
 * with its journal on, through the same importer as `npm run import:geo`. Then imports it again
 * (every row an update: the idempotent re-run). Figures go to docs/performance.md.
 * Run: npx tsx bench/geo-import.ts [rows]
 * Or write the generated file only, to time `npm run import:geo` on it:
 *      npx tsx bench/geo-import.ts --write-csv <path> [rows]
 */
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose from "mongoose";
import { GEO_CSV_COLUMNS } from "../src/domain/geo/csv-row.js";
import { startEmbeddedMongo } from "../src/store/embedded/index.js";
import { createProgressReporter } from "../src/store/geo/import-progress.js";
import { importGeoCsv } from "../src/store/geo/importer.js";
import { createGeoRepository } from "../src/store/geo/repository.js";

const writeOnly = process.argv[2] === "--write-csv" ? process.argv[3] : undefined;
const ROWS = Number(process.argv[writeOnly ? 4 : 2] ?? 160_000);
const ACS = 403;
const DISTRICTS = 75;

function line(i: number): string {
  const ac = (i % ACS) + 1;
  const part = Math.floor(i / ACS) + 1;
  const district = ((ac - 1) % DISTRICTS) + 1;
  const pc = Math.ceil(ac / 5);
  return [
    "UP", "Uttar Pradesh", "उत्तर प्रदेश",
    `D${district}`, `District ${district}`, `ज़िला ${district}`,
    ac, `Constituency ${ac}`, `निर्वाचन क्षेत्र ${ac}`, ac % 7 === 0 ? "SC" : "",
    pc, `Seat ${pc}`, `सीट ${pc}`,
    part, `"Primary School ${part}, Ward ${part % 40}"`, `प्राथमिक विद्यालय ${part}`, `Locality ${part % 97}`, `मोहल्ला ${part % 97}`,
    `B${district}${ac % 3}`, `Block ${district}-${ac % 3}`, `ब्लॉक ${district}-${ac % 3}`,
  ].join(",");
}

async function writeCsv(path: string): Promise<void> {
  const out = createWriteStream(path);
  out.write(`${GEO_CSV_COLUMNS.join(",")}\n`);
  for (let i = 0; i < ROWS; i++) if (!out.write(`${line(i)}\n`)) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "sampark-geo-bench-"));
  const csv = join(dir, "booths.csv");
  await writeCsv(csv);
  const size = (await stat(csv)).size;
  const mongo = await startEmbeddedMongo({ dataDir: join(dir, "store") });
  const connection = await mongoose.createConnection(`${mongo.uri}/bench`).asPromise();
  const repo = createGeoRepository(connection);
  try {
    for (const run of ["first import", "re-import (all updates)"]) {
      const progress = createProgressReporter(process.stderr, size);
      const summary = await importGeoCsv(createReadStream(csv), repo, { onProgress: progress.update });
      progress.finish(summary);
      const perSecond = Math.round(summary.imported / (summary.elapsedMs / 1000));
      console.log(`${run}: ${summary.imported} rows (${(size / 1e6).toFixed(1)} MB) in ${(summary.elapsedMs / 1000).toFixed(1)} s = ${perSecond} rows/s, ${summary.rejected} rejected`);
    }
    console.log(`units: ${await repo.count("ac")} ACs, ${await repo.count("booth")} booths, ${await repo.count("block")} blocks`);
  } finally {
    await connection.close();
    await mongo.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

if (writeOnly) await writeCsv(writeOnly);
else await main();
