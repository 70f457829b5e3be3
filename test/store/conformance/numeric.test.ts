import { Decimal128, Double, Int32, Long } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

let target: Target;

beforeAll(() => openTarget("conformance_numeric").then((t) => (target = t)));
afterAll(() => target.close());

describe("numeric types", () => {
  it("sorts Int32, Long, Double and Decimal128 by value and keeps their types", async () => {
    const nums = target.db.collection<{ _id: string; v: number | Long | Decimal128 | Int32 | Double }>("nums");
    await nums.insertMany([
      { _id: "long-big", v: Long.fromString("9007199254740993") },
      { _id: "dec", v: Decimal128.fromString("2.5") },
      { _id: "int", v: new Int32(3) },
      { _id: "double", v: new Double(-1.5) },
      { _id: "long-small", v: Long.fromNumber(2) },
      { _id: "dec-huge", v: Decimal128.fromString("1E+30") },
    ] );
    const ascending = await nums.find({}, { sort: { v: 1 }, promoteLongs: false }).toArray();
    expect(ascending.map((d) => d._id)).toEqual(["double", "long-small", "dec", "int", "long-big", "dec-huge"]);
    const big = ascending.find((d) => d._id === "long-big");
    expect(big?.v).toBeInstanceOf(Long);
    expect(String(big?.v)).toBe("9007199254740993");
    expect(ascending.find((d) => d._id === "dec")?.v).toBeInstanceOf(Decimal128);
  });

  it("compares across types in queries and does exact Long/Decimal128 arithmetic", async () => {
    const nums = target.db.collection<{ _id: string; v: number | Long | Decimal128 | Int32 | Double }>("nums");
    const over2 = await nums.find({ v: { $gt: 2 } }, { sort: { _id: 1 } }).toArray();
    expect(over2.map((d) => d._id)).toEqual(["dec", "dec-huge", "int", "long-big"]);
    await nums.updateOne({ _id: "long-big" }, { $inc: { v: Long.fromNumber(1) } });
    await nums.updateOne({ _id: "dec" }, { $inc: { v: Decimal128.fromString("0.1") } });
    const big = await nums.findOne({ _id: "long-big" }, { promoteLongs: false });
    expect(String(big?.v)).toBe("9007199254740994");
    expect(String((await nums.findOne({ _id: "dec" }))?.v)).toBe("2.6");
  });
});
