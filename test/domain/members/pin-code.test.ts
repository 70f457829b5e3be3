import { describe, expect, it } from "vitest";
import { validatePinCode } from "../../../src/domain/members/pin-code.js";

describe("validatePinCode", () => {
  it("accepts six digits starting 1-9, with spaces or Devanagari digits", () => {
    expect(validatePinCode("226001")).toEqual({ ok: true, value: "226001" });
    expect(validatePinCode("226 001")).toEqual({ ok: true, value: "226001" });
    expect(validatePinCode("२२६००१")).toEqual({ ok: true, value: "226001" });
  });

  it("rejects a leading zero, wrong lengths and letters", () => {
    for (const bad of ["026001", "22600", "2260011", "22600A"]) expect(validatePinCode(bad), bad).toEqual({ ok: false, reason: "bad_format" });
    expect(validatePinCode(" ")).toEqual({ ok: false, reason: "empty" });
  });
});
