import { Schema, type Model } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

interface Counter {
  key: string;
  seq: number;
  createdAt?: Date;
  label?: string;
}

let target: Target;
let Counters: Model<Counter>;

beforeAll(async () => {
  target = await openTarget("conformance_upsert");
  Counters = target.conn.model<Counter>("Counter", new Schema<Counter>({ key: { type: String, unique: true }, seq: Number, createdAt: Date, label: String }));
  await Counters.init();
});
afterAll(() => target.close());

describe("upserts", () => {
  it("inserts with $setOnInsert and the query's equality fields, then only updates", async () => {
    const created = new Date("2024-01-02T03:04:05Z");
    const upsert = () =>
      Counters.findOneAndUpdate(
        { key: "enrol" },
        { $inc: { seq: 1 }, $setOnInsert: { createdAt: created, label: "first" } },
        { upsert: true, returnDocument: "after" },
      ).lean();
    const first = await upsert();
    expect(first).toMatchObject({ key: "enrol", seq: 1, createdAt: created, label: "first" });
    await Counters.updateOne({ key: "enrol" }, { $set: { label: "changed" } });
    const second = await upsert();
    expect(second).toMatchObject({ key: "enrol", seq: 2, createdAt: created, label: "changed" });
    expect(second?._id).toEqual(first?._id);
  });

  it("reports upsertedId through updateOne and the plain driver", async () => {
    const result = await Counters.updateOne({ key: "camp" }, { $setOnInsert: { seq: 10 } }, { upsert: true });
    expect(result).toMatchObject({ upsertedCount: 1, matchedCount: 0 });
    expect(result.upsertedId).toBeDefined();
    const again = await target.db.collection("counters").updateOne({ key: "camp" }, { $setOnInsert: { seq: 99 } }, { upsert: true });
    expect(again).toMatchObject({ upsertedCount: 0, matchedCount: 1, modifiedCount: 0 });
    expect((await Counters.findOne({ key: "camp" }).lean())?.seq).toBe(10);
  });

  it("upserts through replaceOne and findOneAndUpdate without new", async () => {
    const before = await target.db.collection("counters").findOneAndUpdate({ key: "x" }, { $set: { seq: 1 } }, { upsert: true, returnDocument: "before" });
    expect(before).toBeNull();
    const replaced = await target.db.collection("counters").replaceOne({ key: "y" }, { key: "y", seq: 5 }, { upsert: true });
    expect(replaced.upsertedCount).toBe(1);
    expect(await Counters.countDocuments({ key: { $in: ["x", "y"] } })).toBe(2);
  });
});
