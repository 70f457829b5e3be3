import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoGeography } from "../../../src/store/geo/demo/seed.js";
import { DEMO_BOOTHS_PER_AC } from "../../../src/store/geo/demo/lucknow.js";
import { geoUnitModel } from "../../../src/store/geo/model.js";
import { createGeoRepository, type GeoRepository } from "../../../src/store/geo/repository.js";
import { openGeoStore } from "./harness.js";

let store: Awaited<ReturnType<typeof openGeoStore>>;
let repo: GeoRepository;

beforeAll(async () => {
  store = await openGeoStore("geo_repo");
  repo = createGeoRepository(store.connection);
});
afterAll(async () => store.close());

describe("seedDemoGeography", () => {
  it("loads Lucknow's nine ACs and demo-flagged booths into an empty store, once", async () => {
    expect(await repo.hasAnyGeography()).toBe(false);
    expect(await seedDemoGeography(store.connection)).toEqual({ seeded: true, booths: 9 * DEMO_BOOTHS_PER_AC });
    expect(await repo.count("ac")).toBe(9);
    expect(await repo.count("district")).toBe(1);
    expect(await repo.count("booth")).toBe(9 * DEMO_BOOTHS_PER_AC);
    expect(await geoUnitModel(store.connection).countDocuments({ kind: "booth", demo: { $ne: true } })).toBe(0);
    expect(await seedDemoGeography(store.connection)).toEqual({ seeded: false, booths: 0 });
    expect(await repo.count("booth")).toBe(9 * DEMO_BOOTHS_PER_AC);
  });
});

describe("GeoRepository search (over the demo data)", () => {
  it("finds an AC by number or by fuzzy Hindi/English name, paginated", async () => {
    expect((await repo.searchConstituencies("UP", "170")).items.map((ac) => ac.name.en)).toEqual(["Sarojini Nagar"]);
    expect((await repo.searchConstituencies("UP", "सरोजिनी नगर")).items[0]?.number).toBe(170);
    expect((await repo.searchConstituencies(undefined, "bakshi ka talaab")).items[0]?.lokSabha).toEqual({ number: 34, name: { en: "Mohanlalganj", hi: "मोहनलालगंज" } });
    const lucknow = await repo.searchConstituencies("UP", "lucknow", { pageSize: 2, page: 2 });
    expect(lucknow).toMatchObject({ total: 5, page: 2, pageCount: 3, hasNext: true });
    expect(lucknow.items.map((ac) => ac.number)).toEqual([173, 174]);
  });

  it("lists every AC of a state by number for an empty query", async () => {
    const all = await repo.searchConstituencies("UP", "", { pageSize: 20 });
    expect(all.items.map((ac) => ac.number)).toEqual([168, 169, 170, 171, 172, 173, 174, 175, 176]);
  });

  it("finds a booth by part number or by locality, in pages", async () => {
    const byPart = await repo.searchBooths("UP", 170, "भाग ७");
    expect(byPart.items).toHaveLength(1);
    expect(byPart.items[0]).toMatchObject({ partNumber: 7, demo: true });
    const byLocality = await repo.searchBooths("UP", 170, "gandhi nagr", { pageSize: 1 });
    expect(byLocality.total).toBe(2);
    expect(byLocality.items[0]?.locality).toEqual({ en: "Gandhi Nagar", hi: "गांधी नगर" });
    expect((await repo.searchBooths("UP", 170, "स्टेशन रोड")).items.map((b) => b.partNumber)).toEqual([1, 7]);
    const browse = await repo.searchBooths("UP", 170, "", { page: 2, pageSize: 5 });
    expect(browse.items.map((b) => b.partNumber)).toEqual([6, 7, 8, 9, 10]);
  });

  it("returns plain objects and undefined for what does not exist", async () => {
    const booth = await repo.booth("UP", 171, 3);
    expect(booth?.name.hi).toMatch(/^डेमो बूथ 3 — /);
    expect(Object.getPrototypeOf(booth)).toBe(Object.prototype);
    expect(await repo.booth("UP", 171, 999)).toBeUndefined();
    expect(await repo.constituency("UP", 1)).toBeUndefined();
  });
});
