/**
 * GeoRow (one CSV line) → the `geo_units` writes it implies. Parents are written only when the
 * import ledger says they are new in this run, so 160,000 booth lines do not rewrite their AC
 * 160,000 times.
 */
import type { AnyBulkWriteOperation } from "mongoose";
import { acKey, blockKey, boothKey, districtKey, stateKey } from "../../domain/geo/keys.js";
import type { LedgerVerdict } from "../../domain/geo/ledger.js";
import type { GeoRow } from "../../domain/geo/types.js";
import type { GeoUnitDoc } from "./model.js";

type Fresh = LedgerVerdict["fresh"];
const ALL_FRESH: Fresh = { state: true, district: true, ac: true, blockLink: true };

/** The upserts for `row`; `fresh` limits parents to those not yet written in this run. */
export function writesForRow(row: GeoRow, now: Date, fresh: Fresh = ALL_FRESH, demo = false): AnyBulkWriteOperation<GeoUnitDoc>[] {
  const { state, district, ac, booth, block } = row;
  const writes: AnyBulkWriteOperation<GeoUnitDoc>[] = [];
  const flag = demo ? { demo: true } : {};
  if (fresh.state) writes.push(upsert(stateKey(state.code), { kind: "state", state: state.code, code: state.code, name: state.name, updatedAt: now, ...flag }));
  if (fresh.district) {
    writes.push(upsert(districtKey(district.state, district.code), { kind: "district", state: district.state, code: district.code, district: district.code, name: district.name, updatedAt: now, ...flag }));
  }
  if (fresh.ac) {
    const { number, ...rest } = ac;
    writes.push(upsert(acKey(ac.state, number), { kind: "ac", ...rest, acNumber: number, updatedAt: now, ...flag }));
  }
  writes.push(upsert(boothKey(booth.state, booth.acNumber, booth.partNumber), { kind: "booth", ...booth, updatedAt: now, ...flag }));
  if (block && fresh.blockLink) {
    writes.push({
      updateOne: {
        filter: { _id: blockKey(block.state, block.code) },
        update: { $set: { kind: "block", ...block, updatedAt: now, ...flag }, $addToSet: { acNumbers: ac.number } },
        upsert: true,
      },
    });
  }
  return writes;
}

function upsert(_id: string, fields: Omit<GeoUnitDoc, "_id">): AnyBulkWriteOperation<GeoUnitDoc> {
  return { updateOne: { filter: { _id }, update: { $set: fields }, upsert: true } };
}
