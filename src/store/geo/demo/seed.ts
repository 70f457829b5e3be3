/**
 * Loads the demo geography on a store that has none, so `npm start` on an empty store can run
 * the enrolment flow at once. A store with any geography (imported or seeded) is left alone.
 */
import type { Connection } from "mongoose";
import { createGeoRepository } from "../repository.js";
import { writesForRow } from "../documents.js";
import { lucknowDemoRows } from "./lucknow.js";
import { ImportLedger } from "../../../domain/geo/ledger.js";

export interface SeedResult {
  seeded: boolean;
  booths: number;
}

export async function seedDemoGeography(connection: Connection, now: Date = new Date()): Promise<SeedResult> {
  const repo = createGeoRepository(connection);
  if (await repo.hasAnyGeography()) return { seeded: false, booths: 0 };
  const rows = lucknowDemoRows();
  const ledger = new ImportLedger();
  await repo.write(rows.flatMap((row, i) => writesForRow(row, now, ledger.admit(row, i + 1).fresh, true)));
  return { seeded: true, booths: rows.length };
}
