import { describe, expect, it } from "vitest";
import { luhnValid, validateEpic } from "../../../src/domain/members/epic.js";

describe("validateEpic", () => {
  it("accepts a modern EPIC whose last digit passes the Luhn heuristic, without warnings", () => {
    // The python-stdnum example: 118625 + check digit 3.
    expect(validateEpic("WKH1186253")).toEqual({ ok: true, value: { number: "WKH1186253", format: "modern" } });
  });

  it("normalizes case, spaces, hyphens and Devanagari digits", () => {
    const result = validateEpic(" wkh-११८ ६२५३ ");
    expect(result).toEqual({ ok: true, value: { number: "WKH1186253", format: "modern" } });
  });

  it("warns, never rejects, when the check digit heuristic fails", () => {
    expect(validateEpic("WKH1186263")).toEqual({
      ok: true,
      value: { number: "WKH1186263", format: "modern" },
      warnings: ["check_digit_mismatch"],
    });
  });

  it("reads O/I/L in the digits and 0/1 in the prefix as intended, with a warning", () => {
    const result = validateEpic("WKH11862S3".replace("S", "5").replace("1186", "II86"));
    expect(result).toMatchObject({ ok: true, value: { number: "WKH1186253" }, warnings: ["ambiguous_characters_corrected"] });
    expect(validateEpic("0AB1234567")).toMatchObject({ ok: true, value: { number: "OAB1234567" } });
  });

  it("accepts older slash formats, also typed with backslashes", () => {
    expect(validateEpic("UP/01/234/1234567")).toEqual({ ok: true, value: { number: "UP/01/234/1234567", format: "legacy" } });
    expect(validateEpic("up\\01\\234\\123456")).toMatchObject({ ok: true, value: { number: "UP/01/234/123456", format: "legacy" } });
  });

  it("rejects empty input and wrong shapes with distinct reasons", () => {
    expect(validateEpic("  ")).toEqual({ ok: false, reason: "empty" });
    for (const bad of ["A212345678", "ABC123456", "ABCD123456", "1231186253", "UP/1/234/1234567", "ABC12345678"]) {
      expect(validateEpic(bad), bad).toEqual({ ok: false, reason: "bad_format" });
    }
  });
});

describe("luhnValid", () => {
  it("implements the standard Luhn test", () => {
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("79927398710")).toBe(false);
  });
});
