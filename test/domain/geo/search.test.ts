import { describe, expect, it } from "vitest";
import { foldName } from "../../../src/domain/geo/fold.js";
import { matchScore } from "../../../src/domain/geo/fuzzy.js";
import { paginate } from "../../../src/domain/geo/paginate.js";
import { numberIn, rankBooths, rankConstituencies } from "../../../src/domain/geo/search.js";
import { booths, lucknowAcs } from "./fixtures.js";

const numbers = (query: string): number[] => rankConstituencies(lucknowAcs, query).map((r) => r.item.number);

describe("foldName", () => {
  it("folds spacing, case, doubled letters, nukta, chandrabindu and long vowels", () => {
    expect(foldName("Bakshi Kaa Talab")).toBe(foldName("bakshi ka talaab"));
    expect(foldName("Sarojini Nagar")).toBe("sarojininagar");
    expect(foldName("बाज़ार")).toBe(foldName("बाजार"));
    expect(foldName("सरोजिनी")).toBe(foldName("सरोजीनी"));
    expect(foldName("लखनऊ")).toBe(foldName("लखनउ"));
  });
});

describe("matchScore", () => {
  it("orders exact > prefix > substring > fuzzy, and ignores what is too far", () => {
    expect(matchScore("abc", "abc")).toBe(1);
    expect(matchScore("abc", "abcdef")).toBeGreaterThan(matchScore("bcd", "abcdef"));
    expect(matchScore("sarojni", "sarojininagar")).toBeGreaterThan(0.6);
    expect(matchScore("xyz", "sarojininagar")).toBeLessThan(0.6);
  });
});

describe("rankConstituencies", () => {
  it("finds an AC by number, also in Devanagari digits or with a label", () => {
    expect(numbers("170")).toEqual([170]);
    expect(numbers("१७०")).toEqual([170]);
    expect(numbers("AC 174")).toEqual([174]);
    expect(numbers("999")).toEqual([]);
  });

  it("finds ACs by English name despite spelling", () => {
    expect(numbers("Sarojni nagar")[0]).toBe(170);
    expect(numbers("sarojininagar")[0]).toBe(170);
    expect(numbers("bakshi ka talaab")[0]).toBe(169);
    expect(numbers("Mohanlal ganj")[0]).toBe(176);
    expect(numbers("malihabad")).toEqual([168]);
  });

  it("finds ACs by Hindi name, and lists every match of a shared word by number", () => {
    expect(numbers("सरोजिनी नगर")[0]).toBe(170);
    expect(numbers("लखनऊ पश्चिम")[0]).toBe(171);
    expect(numbers("lucknow")).toEqual([171, 172, 173, 174, 175]);
    expect(numbers("लखनउ")).toEqual([171, 172, 173, 174, 175]);
  });

  it("returns nothing for unrelated or empty text", () => {
    expect(numbers("Patna")).toEqual([]);
    expect(numbers("  ")).toEqual([]);
  });
});

describe("rankBooths", () => {
  const parts = (query: string): number[] => rankBooths(booths, query).map((r) => r.item.partNumber);

  it("matches the part number exactly", () => {
    expect(parts("12")).toEqual([12]);
    expect(parts("भाग १२")).toEqual([12]);
  });

  it("matches booth names and localities in either script, fuzzily", () => {
    expect(parts("amausi")).toEqual([1]);
    expect(parts("बंथरा")).toEqual([12]);
    expect(parts("banthara")).toEqual([12]);
    expect(parts("community hal")).toEqual([2]);
  });

  it("treats a number inside a name as a name", () => {
    expect(numberIn("Sector 12")).toBeUndefined();
    expect(parts("sector 12")).toEqual([2]);
  });
});

describe("paginate", () => {
  const items = Array.from({ length: 20 }, (_, i) => i + 1);

  it("slices pages and says whether there is more", () => {
    expect(paginate(items, 1, 8)).toEqual({ items: [1, 2, 3, 4, 5, 6, 7, 8], page: 1, pageCount: 3, total: 20, hasPrevious: false, hasNext: true });
    expect(paginate(items, 3, 8)).toMatchObject({ items: [17, 18, 19, 20], hasPrevious: true, hasNext: false });
  });

  it("clamps out-of-range pages and copes with an empty list", () => {
    expect(paginate(items, 9, 8).page).toBe(3);
    expect(paginate(items, 0, 8).page).toBe(1);
    expect(paginate([], 1, 8)).toMatchObject({ items: [], page: 1, pageCount: 1, total: 0, hasNext: false });
  });
});
