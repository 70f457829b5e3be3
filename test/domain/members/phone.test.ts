import { describe, expect, it } from "vitest";
import { normalizeIndianMobile } from "../../../src/domain/members/phone.js";

describe("normalizeIndianMobile", () => {
  it.each([
    ["9876543210"],
    ["09876543210"],
    ["919876543210"],
    ["+91 98765 43210"],
    ["+91-98765-43210"],
    ["0091 9876543210"],
    ["(+91) 98765.43210"],
    ["९८७६५ ४३२१०"],
    ["+९१ ९८७६५४३२१०"],
  ])("normalizes %s to E.164", (input) => {
    expect(normalizeIndianMobile(input)).toEqual({ ok: true, value: "+919876543210" });
  });

  it("accepts numbers starting 6, 7, 8 and 9 only", () => {
    expect(normalizeIndianMobile("6000000000")).toEqual({ ok: true, value: "+916000000000" });
    expect(normalizeIndianMobile("5876543210")).toEqual({ ok: false, reason: "not_mobile" });
    expect(normalizeIndianMobile("05224567890")).toEqual({ ok: false, reason: "not_mobile" });
  });

  it("gives a distinct reason for each kind of mistake", () => {
    expect(normalizeIndianMobile("")).toEqual({ ok: false, reason: "empty" });
    expect(normalizeIndianMobile("98765abc10")).toEqual({ ok: false, reason: "bad_characters" });
    expect(normalizeIndianMobile("987654321")).toEqual({ ok: false, reason: "bad_length" });
    expect(normalizeIndianMobile("+9198765432")).toEqual({ ok: false, reason: "bad_length" });
    expect(normalizeIndianMobile("+44 7911 123456")).toEqual({ ok: false, reason: "not_indian" });
  });
});
