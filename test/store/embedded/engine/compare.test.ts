import { Decimal128, Double, Long, MaxKey, MinKey, ObjectId } from "bson";
import { describe, expect, it } from "vitest";
import { compareValues, identical, valuesEqual } from "../../../../src/store/embedded/engine/compare.js";
import { keyOf } from "../../../../src/store/embedded/engine/keys.js";
import { arith } from "../../../../src/store/embedded/engine/numbers.js";

describe("compareValues", () => {
  it("orders numbers of every BSON type by value, NaN first", () => {
    const sorted = [Long.fromString("9223372036854775807"), 1.5, Decimal128.fromString("1.25"), new Double(1), NaN, Long.fromNumber(-3), Decimal128.fromString("-Infinity")].sort(compareValues);
    expect(sorted.map(String)).toEqual(["NaN", "-Infinity", "-3", "1", "1.25", "1.5", "9223372036854775807"]);
    expect(compareValues(Long.fromString("9007199254740993"), 9007199254740992)).toBe(1);
    expect(compareValues(Long.fromNumber(2), 2.5)).toBe(-1);
    expect(compareValues(Decimal128.fromString("1.000"), 1)).toBe(0);
  });

  it("puts MinKey and MaxKey at the ends and compares ObjectIds and objects by value", () => {
    expect(compareValues(new MinKey(), null)).toBe(-1);
    expect(compareValues(new MaxKey(), /re/)).toBe(1);
    const a = ObjectId.createFromTime(1);
    const b = ObjectId.createFromTime(2);
    expect(compareValues(a, b)).toBe(-1);
    expect(valuesEqual(a, new ObjectId(a.toHexString()))).toBe(true);
    expect(compareValues({ a: 1, b: 2 }, { a: 1, b: 3 })).toBe(-1);
    expect(compareValues({ a: 1 }, { b: 0 })).toBe(-1);
  });

  it("tells numeric types apart only in identical()", () => {
    expect(valuesEqual(1, Long.fromNumber(1))).toBe(true);
    expect(identical(1, Long.fromNumber(1))).toBe(false);
    expect(identical({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
  });

  it("gives equal values one map key", () => {
    expect(keyOf(5)).toBe(keyOf(Long.fromNumber(5)));
    expect(keyOf(5)).toBe(keyOf(new Double(5)));
    expect(keyOf(5)).toBe(keyOf(Decimal128.fromString("5.0")));
    expect(keyOf(5)).not.toBe(keyOf("5"));
    expect(keyOf(null)).toBe(keyOf(undefined));
  });
});

describe("arith", () => {
  it("widens int to long on overflow and keeps doubles doubles", () => {
    expect(arith("add", 1, 2)).toBe(3);
    expect(arith("add", 2147483647, 1)).toEqual(Long.fromNumber(2147483648));
    expect(arith("add", new Double(1.5), 0.5)).toEqual(new Double(2));
    expect(arith("mul", Long.fromNumber(3), 2)).toEqual(Long.fromNumber(6));
    expect(() => arith("add", Long.MAX_VALUE, 1)).toThrow();
  });
});
