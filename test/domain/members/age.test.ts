import { describe, expect, it } from "vitest";
import { calendarDateIn, checkAge, parseBirthDate } from "../../../src/domain/members/age.js";

const today = { year: 2026, month: 3, day: 15 };

describe("checkAge", () => {
  it("accepts someone who turns 18 today", () => {
    expect(checkAge({ birthDate: { year: 2008, month: 3, day: 15 } }, today)).toEqual({ ok: true, value: { years: 18 } });
  });

  it("refuses a minor with the distinct reason 'minor', also one day short of 18", () => {
    expect(checkAge({ birthDate: { year: 2008, month: 3, day: 16 } }, today)).toEqual({ ok: false, reason: "minor" });
    expect(checkAge({ years: 17 }, today)).toEqual({ ok: false, reason: "minor" });
  });

  it("counts a 29 February birthday as passed on 1 March of a common year", () => {
    const birthDate = { year: 2008, month: 2, day: 29 };
    expect(checkAge({ birthDate }, { year: 2026, month: 2, day: 28 })).toEqual({ ok: false, reason: "minor" });
    expect(checkAge({ birthDate }, { year: 2026, month: 3, day: 1 })).toEqual({ ok: true, value: { years: 18 } });
  });

  it("rejects impossible, future and implausible inputs", () => {
    expect(checkAge({ birthDate: { year: 1990, month: 2, day: 30 } }, today)).toEqual({ ok: false, reason: "invalid_date" });
    expect(checkAge({ birthDate: { year: 2027, month: 1, day: 1 } }, today)).toEqual({ ok: false, reason: "future_date" });
    expect(checkAge({ years: 130 }, today)).toEqual({ ok: false, reason: "implausible_age" });
    expect(checkAge({ years: 20.5 }, today)).toEqual({ ok: false, reason: "implausible_age" });
  });
});

describe("parseBirthDate", () => {
  it("reads DD/MM/YYYY, DD-MM-YYYY, DD.MM.YYYY, ISO and Devanagari digits", () => {
    const expected = { ok: true, value: { year: 1990, month: 8, day: 5 } };
    for (const text of ["05/08/1990", "5-8-1990", "05.08.1990", "1990-08-05", "०५/०८/१९९०"]) {
      expect(parseBirthDate(text), text).toEqual(expected);
    }
  });

  it("rejects what is not a real date", () => {
    for (const text of ["31/02/1990", "1990/08/05", "kal", "05/13/1990"]) {
      expect(parseBirthDate(text), text).toEqual({ ok: false, reason: "invalid_date" });
    }
  });
});

describe("calendarDateIn", () => {
  it("takes the date in the given zone: 20:00 UTC is already tomorrow in India", () => {
    expect(calendarDateIn(new Date("2026-03-14T20:00:00Z"), "Asia/Kolkata")).toEqual(today);
  });
});
