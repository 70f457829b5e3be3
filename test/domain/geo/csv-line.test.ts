import { describe, expect, it } from "vitest";
import { splitCsvLine } from "../../../src/domain/geo/csv-line.js";

describe("splitCsvLine", () => {
  it("splits plain fields, keeping empty ones", () => {
    expect(splitCsvLine("a,b,,d,")).toEqual({ ok: true, fields: ["a", "b", "", "d", ""] });
    expect(splitCsvLine("")).toEqual({ ok: true, fields: [""] });
  });

  it("reads quoted fields with commas and doubled quotes, in any script", () => {
    expect(splitCsvLine('1,"School, Main Road","say ""hi""",लखनऊ')).toEqual({ ok: true, fields: ["1", "School, Main Road", 'say "hi"', "लखनऊ"] });
    expect(splitCsvLine('"",x')).toEqual({ ok: true, fields: ["", "x"] });
  });

  it("reports broken quoting instead of guessing", () => {
    expect(splitCsvLine('a,"open')).toEqual({ ok: false, error: "a quoted field opened at column 3 is not closed" });
    expect(splitCsvLine('a,"x" y,b')).toEqual({ ok: false, error: "text after a closing quote at column 6" });
    expect(splitCsvLine('a,b"c,d')).toEqual({ ok: false, error: "a quote inside an unquoted field at column 3" });
  });
});
