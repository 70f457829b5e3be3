import { describe, expect, it } from "vitest";
import { createProgressReporter } from "../../../src/store/geo/import-progress.js";

function sink(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, write: (text: string) => written.push(text) };
}

const at = (ms: number[]) => {
  let i = 0;
  return () => ms[Math.min(i++, ms.length - 1)] ?? 0;
};
const progress = (bytes: number) => ({ rows: bytes, imported: bytes, rejected: 0, bytes });

describe("createProgressReporter", () => {
  it("redraws one bar in place on a terminal", () => {
    const out = sink(true);
    const reporter = createProgressReporter(out, 1000, { now: () => 0, redrawMs: 0 });
    reporter.update(progress(500));
    reporter.finish({ ...progress(1000), errors: [], elapsedMs: 1 });
    const redraw = "\r\u001b[2K";
    expect(out.written[0]).toBe(`${redraw}[${"#".repeat(15)}${".".repeat(15)}] 50%  500 rows, 500 imported, 0 rejected  0.0 s`);
    expect(out.written[1]).toBe(`${redraw}[${"#".repeat(30)}] 100%  1,000 rows, 1,000 imported, 0 rejected  0.0 s\n`);
  });

  it("writes plain periodic lines, no carriage returns, when stderr is not a terminal", () => {
    const out = sink(false);
    // started at 0; updates at 1 s (too soon), 6 s, 8 s (too soon after the last line), 12 s
    const reporter = createProgressReporter(out, 200_000, { intervalMs: 5_000, now: at([0, 1000, 6000, 6000, 6000, 8000, 12000, 12000, 12000]) });
    reporter.update(progress(10_000));
    reporter.update(progress(40_000));
    reporter.update(progress(60_000));
    reporter.update(progress(160_000));
    expect(out.written).toEqual([
      "import:geo 20% — 40,000 rows, 40,000 imported, 0 rejected — 6.0 s\n",
      "import:geo 80% — 1,60,000 rows, 1,60,000 imported, 0 rejected — 12.0 s\n",
    ]);
    expect(out.written.join("")).not.toContain("\r");
  });
});
