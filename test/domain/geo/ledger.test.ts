import { describe, expect, it } from "vitest";
import { checkGeoRow } from "../../../src/domain/geo/csv-row.js";
import { ImportLedger } from "../../../src/domain/geo/ledger.js";
import type { GeoRow } from "../../../src/domain/geo/types.js";
import { csvRecord } from "./fixtures.js";

function row(overrides: Record<string, string>): GeoRow {
  const checked = checkGeoRow(csvRecord(overrides));
  if (!checked.ok) throw new Error(checked.errors.join("; "));
  return checked.value;
}

describe("ImportLedger", () => {
  it("marks parents fresh only the first time they appear", () => {
    const ledger = new ImportLedger();
    expect(ledger.admit(row({ part_number: "1", block_code: "B1", block_name_en: "Block" }), 2).fresh).toEqual({ state: true, district: true, ac: true, blockLink: true });
    expect(ledger.admit(row({ part_number: "2", block_code: "B1", block_name_en: "Block" }), 3).fresh).toEqual({ state: false, district: false, ac: false, blockLink: false });
    const otherAc = row({ part_number: "1", ac_number: "171", ac_name_en: "Lucknow West", ac_name_hi: "लखनऊ पश्चिम", pc_number: "35", pc_name_en: "Lucknow", pc_name_hi: "लखनऊ", block_code: "B1", block_name_en: "Block" });
    expect(ledger.admit(otherAc, 4).fresh).toEqual({ state: false, district: false, ac: true, blockLink: true });
  });

  it("rejects a repeated booth and a unit that contradicts an earlier line", () => {
    const ledger = new ImportLedger();
    ledger.admit(row({ part_number: "1" }), 2);
    expect(ledger.admit(row({ part_number: "1" }), 7).errors).toEqual(["part_number 1 of AC 170 repeats line 2"]);
    expect(ledger.admit(row({ part_number: "2", ac_name_en: "Sarojininagar" }), 8).errors).toEqual(["ac UP:AC:170 differs from its definition on line 2"]);
    // A rejected line leaves no trace: the same booth with consistent data is still accepted.
    expect(ledger.admit(row({ part_number: "2" }), 9).errors).toEqual([]);
  });
});
