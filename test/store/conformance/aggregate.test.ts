import { Schema } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

let target: Target;

beforeAll(async () => {
  target = await openTarget("conformance_aggregate");
  await target.db.collection("cadres").insertMany([
    { _id: 1, name: "Asha", district: "Pune", camps: 3 },
    { _id: 2, name: "Ravi", district: "Pune", camps: 1 },
    { _id: 3, name: "Meena", district: "Nashik", camps: 4 },
  ] as never[]);
  await target.db.collection("districts").insertMany([
    { _id: "Pune", state: "MH" },
    { _id: "Nashik", state: "MH" },
  ] as never[]);
});
afterAll(() => target.close());

describe("aggregate", () => {
  it("$group with accumulators, sorted", async () => {
    const rows = await target.db
      .collection("cadres")
      .aggregate([{ $group: { _id: "$district", n: { $sum: 1 }, camps: { $sum: "$camps" }, names: { $push: "$name" } } }, { $sort: { _id: 1 } }])
      .toArray();
    expect(rows).toEqual([
      { _id: "Nashik", n: 1, camps: 4, names: ["Meena"] },
      { _id: "Pune", n: 2, camps: 4, names: ["Asha", "Ravi"] },
    ]);
  });

  it("$lookup joins another collection", async () => {
    const rows = await target.db
      .collection("cadres")
      .aggregate([
        { $match: { _id: 3 } },
        { $lookup: { from: "districts", localField: "district", foreignField: "_id", as: "where" } },
        { $project: { _id: 0, name: 1, where: 1 } },
      ])
      .toArray();
    expect(rows).toEqual([{ name: "Meena", where: [{ _id: "Nashik", state: "MH" }] }]);
  });

  it("$facet runs sub-pipelines side by side", async () => {
    const [row] = await target.db
      .collection("cadres")
      .aggregate([
        {
          $facet: {
            total: [{ $count: "n" }],
            busiest: [{ $sort: { camps: -1 } }, { $limit: 1 }, { $project: { _id: 0, name: 1 } }],
          },
        },
      ])
      .toArray();
    expect(row).toEqual({ total: [{ n: 3 }], busiest: [{ name: "Meena" }] });
  });

  it("aggregates through mongoose, past the first batch of 101", async () => {
    await target.db.collection("events").insertMany(Array.from({ length: 150 }, (_, i) => ({ i })));
    const Event = target.conn.model("Event", new Schema({ i: Number }), "events");
    const rows = await Event.aggregate<{ i: number }>([{ $match: { i: { $gte: 20 } } }, { $sort: { i: 1 } }]);
    expect(rows).toHaveLength(130);
    expect(rows.at(-1)?.i).toBe(149);
  });
});
