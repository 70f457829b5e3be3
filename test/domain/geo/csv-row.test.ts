import { describe, expect, it } from "vitest";
import { GEO_CSV_COLUMNS, checkGeoRow, missingColumns } from "../../../src/domain/geo/csv-row.js";
import { csvRecord } from "./fixtures.js";

describe("checkGeoRow", () => {
  it("turns a valid line into a GeoRow, defaulting the category to GEN", () => {
    const result = checkGeoRow(csvRecord({ block_code: "sn1", block_name_en: "Sarojini Nagar block" }));
    expect(result).toEqual({
      ok: true,
      value: {
        state: { code: "UP", name: { en: "Uttar Pradesh", hi: "उत्तर प्रदेश" } },
        district: { state: "UP", code: "LKO", name: { en: "Lucknow", hi: "लखनऊ" } },
        ac: {
          state: "UP", district: "LKO", number: 170, name: { en: "Sarojini Nagar", hi: "सरोजनी नगर" }, category: "GEN",
          lokSabha: { number: 34, name: { en: "Mohanlalganj", hi: "मोहनलालगंज" } },
        },
        booth: {
          state: "UP", acNumber: 170, partNumber: 12, name: { en: "Junior High School", hi: "जूनियर हाई स्कूल" },
          locality: { en: "Banthra", hi: "बंथरा" },
        },
        block: { state: "UP", district: "LKO", code: "SN1", name: { en: "Sarojini Nagar block" } },
      },
    });
  });

  it("leaves Hindi names out when blank and upper-cases codes", () => {
    const result = checkGeoRow(csvRecord({ state_code: "up", ac_name_hi: "", ac_category: "sc" }));
    expect(result.ok && result.value.ac).toMatchObject({ name: { en: "Sarojini Nagar" }, category: "SC" });
    expect(result.ok && result.value.state.code).toBe("UP");
  });

  it("lists every problem of a bad line with its column", () => {
    const result = checkGeoRow(csvRecord({ state_code: "Uttar", ac_number: "abc", part_number: "0", ac_name_hi: "Sarojini", booth_name_en: "" }));
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^state_code must be two letters/),
        expect.stringMatching(/^ac_number must be a number/),
        expect.stringMatching(/^part_number must be 1 or more/),
        expect.stringMatching(/^ac_name_hi must be written in Devanagari/),
        expect.stringMatching(/^booth_name_en /),
      ]),
    );
    expect(errors).toHaveLength(5);
  });

  it("needs a block name with a block code", () => {
    expect(checkGeoRow(csvRecord({ block_code: "B1" }))).toEqual({ ok: false, errors: ["block_name_en is required when block_code is given"] });
  });
});

describe("missingColumns", () => {
  it("accepts the full header in any order and names the missing required columns", () => {
    expect(missingColumns([...GEO_CSV_COLUMNS].reverse())).toEqual([]);
    expect(missingColumns(GEO_CSV_COLUMNS.filter((c) => c !== "part_number" && c !== "ac_name_hi"))).toEqual(["part_number"]);
  });
});
