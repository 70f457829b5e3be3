import { describe, expect, it } from "vitest";
import { formatMembershipNumber, parseMembershipNumber } from "../../../src/domain/members/membership-number.js";

describe("formatMembershipNumber", () => {
  it("pads the sequence and appends an unambiguous check character", () => {
    const number = formatMembershipNumber("UP", 1234);
    expect(number.formatted).toMatch(/^UP-0001234-[2-9A-HJKMNP-Z]$/);
    expect(number.compact).toBe(number.formatted.replace(/-/g, ""));
    expect(number).toMatchObject({ state: "UP", sequence: 1234 });
  });

  it("never uses 0, O, 1, I or L as the check character", () => {
    for (let sequence = 1; sequence <= 2000; sequence++) {
      expect(formatMembershipNumber("BR", sequence).compact.at(-1)).not.toMatch(/[01OIL]/);
    }
  });

  it("grows past seven digits and refuses bad input", () => {
    expect(formatMembershipNumber("MH", 123_456_789).formatted).toMatch(/^MH-123456789-.$/);
    expect(() => formatMembershipNumber("U1", 1)).toThrow(RangeError);
    expect(() => formatMembershipNumber("UP", 0)).toThrow(RangeError);
  });
});

describe("parseMembershipNumber", () => {
  const number = formatMembershipNumber("UP", 1234);

  it("round-trips the display and compact forms", () => {
    expect(parseMembershipNumber(number.formatted)).toEqual({ ok: true, value: number });
    expect(parseMembershipNumber(number.compact)).toEqual({ ok: true, value: number });
  });

  it("forgives case, spaces, Devanagari digits and O/I typed for 0/1", () => {
    const typed = ` ${number.formatted.toLowerCase().replace("0001234", "OOOI २३४").replace(/-/g, " ")} `;
    expect(parseMembershipNumber(typed)).toEqual({ ok: true, value: number });
  });

  it("detects every single-character substitution and neighbour swap", () => {
    const body = number.compact.slice(0, -1);
    const check = number.compact.slice(-1);
    for (let i = 2; i < body.length; i++) {
      for (const digit of "0123456789") {
        if (digit === body[i]) continue;
        const typo = body.slice(0, i) + digit + body.slice(i + 1) + check;
        expect(parseMembershipNumber(typo), typo).toEqual({ ok: false, reason: "bad_check_character" });
      }
    }
    for (let i = 0; i < body.length - 1; i++) {
      if (body[i] === body[i + 1]) continue;
      const swapped = body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2) + check;
      expect(parseMembershipNumber(swapped).ok, swapped).toBe(false);
    }
  });

  it("rejects non-canonical padding and malformed input", () => {
    expect(parseMembershipNumber("")).toEqual({ ok: false, reason: "empty" });
    expect(parseMembershipNumber("UP-123-K")).toEqual({ ok: false, reason: "bad_format" });
    expect(parseMembershipNumber(`UP0${number.compact.slice(2)}`)).toEqual({ ok: false, reason: "bad_format" });
    expect(parseMembershipNumber("UP-0000000-2")).toEqual({ ok: false, reason: "bad_format" });
  });
});
