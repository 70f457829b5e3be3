import { Readable } from "node:stream";
import type { Connection } from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GEO_CSV_COLUMNS } from "../../../src/domain/geo/csv-row.js";
import { GeoImportError, importGeoCsv, type ImportProgress } from "../../../src/store/geo/importer.js";
import { geoUnitModel } from "../../../src/store/geo/model.js";
import { createGeoRepository, type GeoRepository } from "../../../src/store/geo/repository.js";
import { openGeoStore } from "./harness.js";

const HEADER = GEO_CSV_COLUMNS.join(",");
const AC170 = "UP,Uttar Pradesh,उत्तर प्रदेश,LKO,Lucknow,लखनऊ,170,Sarojini Nagar,सरोजनी नगर,,34,Mohanlalganj,मोहनलालगंज";
const AC171 = "UP,Uttar Pradesh,उत्तर प्रदेश,LKO,Lucknow,लखनऊ,171,Lucknow West,लखनऊ पश्चिम,,35,Lucknow,लखनऊ";
const booth = (ac: string, part: number, extra = ",,,B1,Block One,"): string => `${ac},${part},"School ${part}, Main Road",विद्यालय ${part}${extra}`;

const csv = (...lines: string[]): Readable => Readable.from([[HEADER, ...lines].join("\n") + "\n"]);
const fixedNow = () => new Date("2026-01-01T00:00:00Z");

let store: Awaited<ReturnType<typeof openGeoStore>>;
let connection: Connection;
let repo: GeoRepository;

beforeAll(async () => {
  store = await openGeoStore("geo_import");
  connection = store.connection;
  repo = createGeoRepository(connection);
});
afterAll(async () => store.close());
beforeEach(async () => {
  await geoUnitModel(connection).deleteMany({});
});

describe("importGeoCsv", () => {
  it("imports states, districts, ACs with their Lok Sabha seat, booths and block links", async () => {
    const summary = await importGeoCsv(csv(booth(AC170, 1), booth(AC170, 2), booth(AC171, 1)), repo, { now: fixedNow });
    expect(summary).toMatchObject({ rows: 3, imported: 3, rejected: 0, errors: [] });
    expect(await repo.count("state")).toBe(1);
    expect(await repo.count("district")).toBe(1);
    expect(await repo.count("ac")).toBe(2);
    expect(await repo.count("booth")).toBe(3);
    expect(await repo.constituency("UP", 170)).toEqual({
      state: "UP", district: "LKO", number: 170, name: { en: "Sarojini Nagar", hi: "सरोजनी नगर" }, category: "GEN",
      lokSabha: { number: 34, name: { en: "Mohanlalganj", hi: "मोहनलालगंज" } },
    });
    expect(await repo.booth("UP", 170, 2)).toEqual({ state: "UP", acNumber: 170, partNumber: 2, name: { en: "School 2, Main Road", hi: "विद्यालय 2" } });
    const block = await geoUnitModel(connection).findById("UP:B:B1").lean();
    expect(block?.acNumbers?.sort()).toEqual([170, 171]);
  });

  it("reports each bad line by number and imports the good ones", async () => {
    const summary = await importGeoCsv(
      csv(
        booth(AC170, 1), // line 2
        booth(AC170, 0), // line 3: part 0
        "UP,too,few,columns", // line 4
        booth(AC170, 1), // line 5: repeats line 2
        booth(AC170, 3).replace("Sarojini Nagar", "Sarojininagar"), // line 6: AC name contradicts line 2
        booth(AC170, 4), // line 7
      ),
      repo,
    );
    expect(summary).toMatchObject({ rows: 6, imported: 2, rejected: 4 });
    expect(summary.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(summary.errors[0]?.messages).toEqual(["part_number must be 1 or more"]);
    expect(summary.errors[1]?.messages).toEqual(["has 4 fields, the header has 21"]);
    expect(summary.errors[2]?.messages).toEqual(["part_number 1 of AC 170 repeats line 2"]);
    expect(await repo.count("booth")).toBe(2);
  });

  it("reports a line with broken quoting and goes on", async () => {
    const summary = await importGeoCsv(csv(booth(AC170, 1), `${AC170},2,"School "2" x,विद्यालय,,,,,,,`, booth(AC170, 3)), repo);
    expect(summary).toMatchObject({ imported: 2, rejected: 1 });
    expect(summary.errors[0]?.line).toBe(3);
    expect(summary.errors[0]?.messages).toEqual([expect.stringMatching(/^unreadable CSV: text after a closing quote at column \d+$/)]);
  });

  it("is idempotent: importing the same file twice leaves the same documents", async () => {
    const lines = [booth(AC170, 1), booth(AC171, 1), booth(AC171, 2)];
    await importGeoCsv(csv(...lines), repo, { now: fixedNow });
    const first = await geoUnitModel(connection).find().sort({ _id: 1 }).lean();
    const again = await importGeoCsv(csv(...lines), repo, { now: fixedNow });
    expect(again.imported).toBe(3);
    expect(await geoUnitModel(connection).find().sort({ _id: 1 }).lean()).toEqual(first);
  });

  it("writes in batches and reports progress after each", async () => {
    const seen: ImportProgress[] = [];
    const lines = Array.from({ length: 25 }, (_, i) => booth(AC170, i + 1));
    await importGeoCsv(csv(...lines), repo, { batchSize: 10, onProgress: (p) => seen.push(p) });
    expect(seen.map((p) => p.imported)).toEqual([10, 20, 25]);
    expect(seen.at(-1)?.bytes).toBeGreaterThan(0);
  });

  it("refuses a file whose header lacks required columns, writing nothing", async () => {
    const input = Readable.from(["state_code,ac_number\nUP,170\n"]);
    await expect(importGeoCsv(input, repo)).rejects.toThrow(GeoImportError);
    await expect(importGeoCsv(Readable.from(["state_code,ac_number\nUP,170\n"]), repo)).rejects.toThrow(/lacks required columns: state_name_en/);
    expect(await repo.hasAnyGeography()).toBe(false);
  });
});
