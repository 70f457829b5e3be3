import { describe, expect, it } from "vitest";
import { isQuiet, quietHoursEnd, type QuietHours } from "../../src/domain/quiet-hours.js";

const IST_NIGHT: QuietHours = { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" };
// 22:00 IST is 16:30 UTC; 06:00 IST is 00:30 UTC.
const ist = (hhmm: string, day = "2026-11-23") => new Date(`${day}T${hhmm}:00+05:30`);

describe("quiet hours", () => {
  it("is quiet inside a window that wraps past midnight, in the configured time zone", () => {
    expect(isQuiet(ist("21:59"), IST_NIGHT)).toBe(false);
    expect(isQuiet(ist("22:00"), IST_NIGHT)).toBe(true);
    expect(isQuiet(ist("23:59"), IST_NIGHT)).toBe(true);
    expect(isQuiet(ist("00:00"), IST_NIGHT)).toBe(true);
    expect(isQuiet(ist("05:59"), IST_NIGHT)).toBe(true);
    expect(isQuiet(ist("06:00"), IST_NIGHT)).toBe(false);
    expect(isQuiet(ist("12:00"), IST_NIGHT)).toBe(false);
  });

  it("handles a window within one day, and an empty window", () => {
    const lunch: QuietHours = { start: "13:00", end: "14:00", timezone: "Asia/Kolkata" };
    expect(isQuiet(ist("13:30"), lunch)).toBe(true);
    expect(isQuiet(ist("14:00"), lunch)).toBe(false);
    expect(isQuiet(ist("03:00"), { start: "00:00", end: "00:00", timezone: "Asia/Kolkata" })).toBe(false);
  });

  it("gives the moment quiet hours end, the next morning when it is late evening", () => {
    expect(quietHoursEnd(ist("23:10"), IST_NIGHT).toISOString()).toBe(ist("06:00", "2026-11-24").toISOString());
    expect(quietHoursEnd(ist("02:00"), IST_NIGHT).toISOString()).toBe(ist("06:00").toISOString());
    const day = ist("10:15");
    expect(quietHoursEnd(day, IST_NIGHT)).toBe(day);
  });
});
