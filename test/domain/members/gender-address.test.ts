import { describe, expect, it } from "vitest";
import { maskAddress } from "../../../src/domain/access/index.js";
import { ADDRESS_MAX, isGender, validateAddress } from "../../../src/domain/members/index.js";

describe("gender and address", () => {
  it("knows three genders; 'prefer not to say' is not one (nothing is stored)", () => {
    expect(["female", "male", "other"].every(isGender)).toBe(true);
    expect(isGender("prefer_not")).toBe(false);
    expect(isGender("")).toBe(false);
  });

  it("keeps an address tidy and short, without links", () => {
    expect(validateAddress("  House 12,\u200b  Gali 3 \n Rampur ")).toEqual({ ok: true, value: "House 12, Gali 3 Rampur" });
    expect(validateAddress("मकान १२, गली ३")).toEqual({ ok: true, value: "मकान १२, गली ३" });
    expect(validateAddress(" ")).toEqual({ ok: false, reason: "empty" });
    expect(validateAddress("क".repeat(ADDRESS_MAX))).toMatchObject({ ok: true });
    expect(validateAddress("क".repeat(ADDRESS_MAX + 1))).toEqual({ ok: false, reason: "too_long" });
    expect(validateAddress("see www.example.org")).toEqual({ ok: false, reason: "links" });
  });

  it("masks an address to its first letters, never cutting a letter in half", () => {
    expect(maskAddress("House 12, Gali 3, Rampur")).toBe("Hous…");
    expect(maskAddress("मकान 12, गली 3")).toBe("मकान…");
    expect(maskAddress("Ward")).toBe("…");
    expect(maskAddress(undefined)).toBe("");
  });
});
