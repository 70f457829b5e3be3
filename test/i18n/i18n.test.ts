import { describe, expect, it } from "vitest";
import { createTranslator, foldForMatch, formatDate, formatNumber, normalizeInput, toAsciiDigits } from "../../src/i18n/index.js";

describe("translator", () => {
  const t = createTranslator();
  it("translates in Hindi and English, falling back to the key when missing", () => {
    expect(t("engine.yes", {}, "hi")).toBe("हाँ");
    expect(t("engine.yes", {}, "en")).toBe("Yes");
    expect(t("no.such_key", {}, "en")).toBe("no.such_key");
  });

  it("interpolates nested variables without HTML escaping; reserved names cannot switch language", () => {
    const t2 = createTranslator({ resources: { hi: { g: { hi: "नमस्ते {{member.name}} <{{n, number}}>" } }, en: { g: { hi: "Hi {{member.name}} <{{n, number}}>" } } } });
    expect(t2("g.hi", { member: { name: "Asha & Co" }, n: 100000, lng: "en" }, "hi")).toBe("नमस्ते Asha & Co <1,00,000>");
    expect(t2("g.hi", { member: { name: "Asha" }, n: 100000 }, "en")).toBe("Hi Asha <1,00,000>");
  });

  it("renders Devanagari digits when configured", () => {
    const t3 = createTranslator({ devanagariDigits: true, resources: { hi: { a: { n: "{{n, number}}" } }, en: { a: { n: "{{n, number}}" } } } });
    expect(t3("a.n", { n: 1234 }, "hi")).toBe("१,२३४");
    expect(t3("a.n", { n: 1234 }, "en")).toBe("1,234");
  });
});

describe("formatting", () => {
  it("numbers with Indian grouping per language", () => {
    expect(formatNumber(1234567, "en")).toBe("12,34,567");
    expect(formatNumber(1234567, "hi", { devanagariDigits: true })).toBe("१२,३४,५६७");
  });
  it("dates with month names per language, in India time", () => {
    expect(formatDate("2025-08-14T20:00:00Z", "en")).toBe("15 August 2025");
    expect(formatDate("2025-08-14T20:00:00Z", "hi")).toBe("15 अगस्त 2025");
    expect(formatDate("nonsense", "hi")).toBe("");
  });
});

describe("input normalization", () => {
  it("Devanagari and other Indic digits become ASCII", () => {
    expect(toAsciiDigits("९८७६५४३२१०")).toBe("9876543210");
    expect(toAsciiDigits("১২৩")).toBe("123");
  });
  it("removes zero-width and control characters, collapses spaces, NFC", () => {
    expect(normalizeInput("  a\u200b\u200db \u0007 c\t\n ")).toBe("ab c");
    expect(normalizeInput("क\u093C")).toBe("\u0958".normalize("NFC"));
  });
  it("folds case, edge punctuation, chandrabindu and nukta for matching", () => {
    expect(foldForMatch(" STOP! ")).toBe("stop");
    expect(foldForMatch("हाँ")).toBe(foldForMatch("हां"));
    expect(foldForMatch("ज़रूर")).toBe(foldForMatch("जरूर"));
    expect(foldForMatch("x".repeat(5000)).length).toBe(5000);
  });
});
