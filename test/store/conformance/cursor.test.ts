import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

let target: Target;

beforeAll(async () => {
  target = await openTarget("conformance_cursor");
  const docs = Array.from({ length: 250 }, (_, i) => ({ _id: i, group: i % 3, tag: `t${i % 5}` }));
  await target.db.collection<{ _id: number; group: number; tag: string }>("items").insertMany(docs);
});
afterAll(() => target.close());

describe("cursors, counts and distinct", () => {
  it("iterates more than 101 documents through getMore", async () => {
    const seen: number[] = [];
    for await (const doc of target.db.collection<{ _id: number }>("items").find({}, { sort: { _id: 1 } })) seen.push(doc._id);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => i));
  });

  it("honours batchSize, skip and limit, and closes an abandoned cursor", async () => {
    const cursor = target.db.collection("items").find({ group: 1 }, { batchSize: 10, sort: { _id: -1 }, skip: 2, limit: 40 });
    const docs = await cursor.toArray();
    expect(docs).toHaveLength(40);
    expect(docs[0]?._id).toBe(241); // group 1 descending: 247, 244, then 241 after skipping 2
    const abandoned = target.db.collection("items").find({}, { batchSize: 5 });
    await abandoned.next();
    const id = abandoned.id;
    expect(id?.isZero()).toBe(false);
    await abandoned.close(); // sends killCursors
    const error = await target.db.command({ getMore: id, collection: "items" }).catch((e: { code: number }) => e);
    expect(error).toMatchObject({ code: 43, codeName: "CursorNotFound" });
  });

  it("counts and lists distinct values", async () => {
    const items = target.db.collection("items");
    expect(await items.countDocuments({ group: 2 })).toBe(83);
    expect(await items.countDocuments({}, { skip: 10, limit: 5 })).toBe(5);
    expect(await items.estimatedDocumentCount()).toBe(250);
    expect((await items.distinct("tag", { group: 0 })).sort()).toEqual(["t0", "t1", "t2", "t3", "t4"]);
  });
});
