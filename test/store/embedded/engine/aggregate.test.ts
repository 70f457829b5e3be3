import { Long, ObjectId } from "bson";
import { describe, expect, it } from "vitest";
import type { Document } from "../../../../src/store/embedded/contract.js";
import { harness } from "./helpers.js";

function seeded() {
  const h = harness();
  const org = new ObjectId();
  h.run({ insert: "orgs", documents: [{ _id: org, name: "Acme" }] });
  h.run({
    insert: "orders",
    documents: [
      { _id: 1, org, item: "pen", qty: 2, tags: ["a", "b"] },
      { _id: 2, org, item: "ink", qty: Long.fromNumber(5), tags: ["b"] },
      { _id: 3, org: new ObjectId(), item: "pen", qty: 1, tags: [] },
    ],
  });
  const agg = (pipeline: Document[], extra: Document = {}) => {
    const reply = h.run({ aggregate: "orders", pipeline, cursor: {}, ...extra });
    if (reply.ok !== 1) throw new Error(String(reply.errmsg));
    return (reply.cursor as { firstBatch: Document[] }).firstBatch;
  };
  return { ...h, agg, org };
}

describe("aggregate", () => {
  it("runs $match $group $sort $project", () => {
    const { agg } = seeded();
    const out = agg([{ $match: { qty: { $gte: 1 } } }, { $group: { _id: "$item", total: { $sum: "$qty" } } }, { $sort: { total: -1 } }, { $project: { _id: 0, item: "$_id", total: 1 } }]);
    expect(out).toEqual([
      { item: "ink", total: 5 },
      { item: "pen", total: 3 },
    ]);
  });

  it("runs $unwind $count $skip $limit $addFields $set $replaceRoot $facet", () => {
    const { agg } = seeded();
    expect(agg([{ $unwind: "$tags" }, { $count: "n" }])).toEqual([{ n: 3 }]);
    expect(agg([{ $sort: { _id: 1 } }, { $skip: 1 }, { $limit: 1 }, { $addFields: { double: { $multiply: ["$qty", 2] } } }, { $set: { x: 1 } }, { $replaceRoot: { newRoot: { d: "$double", x: "$x" } } }])).toEqual([{ d: 10, x: 1 }]);
    const [facets] = agg([{ $facet: { pens: [{ $match: { item: "pen" } }, { $count: "n" }], all: [{ $count: "n" }] } }]);
    expect(facets).toEqual({ pens: [{ n: 2 }], all: [{ n: 3 }] });
  });

  it("joins with $lookup on ObjectId", () => {
    const { agg, org } = seeded();
    const out = agg([{ $match: { _id: 1 } }, { $lookup: { from: "orgs", localField: "org", foreignField: "_id", as: "orgDocs" } }]);
    expect(out[0]?.orgDocs).toEqual([{ _id: org, name: "Acme" }]);
  });

  it("sorts with the BSON comparator inside pipelines", () => {
    const { agg } = seeded();
    expect(agg([{ $sort: { qty: -1 } }, { $project: { _id: 1 } }])).toEqual([{ _id: 2 }, { _id: 1 }, { _id: 3 }]);
  });

  it("pages results through a cursor", () => {
    const { run } = seeded();
    const reply = run({ aggregate: "orders", pipeline: [], cursor: { batchSize: 2 } });
    const cursor = reply.cursor as { id: Long; firstBatch: Document[] };
    expect(cursor.firstBatch).toHaveLength(2);
    const more = run({ getMore: cursor.id, collection: "orders" }).cursor as { nextBatch: Document[] };
    expect(more.nextBatch).toHaveLength(1);
  });

  it("refuses $out and $merge, and requires the cursor option", () => {
    const { run } = seeded();
    expect(run({ aggregate: "orders", pipeline: [{ $out: "x" }], cursor: {} })).toMatchObject({ ok: 0, code: 20 });
    expect(run({ aggregate: "orders", pipeline: [{ $merge: { into: "x" } }], cursor: {} })).toMatchObject({ ok: 0 });
    expect(run({ aggregate: "orders", pipeline: [] })).toMatchObject({ ok: 0, code: 9 });
  });

  it("returns an empty result for a missing collection", () => {
    const { run } = seeded();
    const reply = run({ aggregate: "nothing", pipeline: [{ $match: {} }], cursor: {} });
    expect((reply.cursor as { firstBatch: Document[] }).firstBatch).toEqual([]);
  });
});
