import { Double, Int32, Long, ObjectId, Timestamp } from "bson";
import { describe, expect, it } from "vitest";
import { harness, ids } from "./helpers.js";

describe("insert", () => {
  it("adds an ObjectId _id first and creates the collection implicitly", () => {
    const { engine, find } = harness();
    const res = engine.runCommand("test", { insert: "c", documents: [{ name: "x" }] });
    expect(res.reply).toEqual({ n: 1, ok: 1 });
    expect(res.mutations.map((m) => m.op)).toEqual(["createCollection", "insert"]);
    const [doc] = find("c");
    expect(Object.keys(doc ?? {})).toEqual(["_id", "name"]);
    expect(doc?._id).toBeInstanceOf(ObjectId);
  });

  it("reports duplicate _id in writeErrors; ordered stops, unordered continues", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [{ _id: 1 }] });
    const ordered = run({ insert: "c", documents: [{ _id: 2 }, { _id: 1 }, { _id: 3 }] });
    expect(ordered).toEqual({
      n: 1,
      ok: 1,
      writeErrors: [
        { index: 1, code: 11000, errmsg: "E11000 duplicate key error collection: test.c index: _id_ dup key: { _id: 1 }", keyPattern: { _id: 1 }, keyValue: { _id: 1 } },
      ],
    });
    const unordered = run({ insert: "c", documents: [{ _id: 1 }, { _id: 4 }, { _id: 2 }, { _id: 5 }], ordered: false });
    expect(unordered.n).toBe(2);
    expect((unordered.writeErrors as { index: number }[]).map((e) => e.index)).toEqual([0, 2]);
    expect(ids(find("c", {}, { sort: { _id: 1 } }))).toEqual([1, 2, 4, 5]);
  });

  it("keeps numeric types: int32, integral double, Long and Decimal128 read back as sent", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [{ _id: 1, i: new Int32(7), d: new Double(2), f: new Double(2.5), l: Long.fromNumber(3) }] });
    const [doc] = find("c");
    expect(doc?.i).toBe(7);
    expect(doc?.d).toBeInstanceOf(Double);
    expect(doc?.f).toBe(2.5);
    expect(doc?.l).toBeInstanceOf(Long);
    expect(find("c", { d: 2, l: 3, i: Long.fromNumber(7) })).toHaveLength(1);
  });

  it("returns copies: changing a reply does not change stored state", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [{ _id: 1, nested: { list: [1, 2] }, at: new Date(0) }] });
    const [doc] = find("c");
    (doc?.nested as { list: number[] }).list.push(3);
    (doc?.at as Date).setTime(5);
    expect(find("c")[0]).toEqual({ _id: 1, nested: { list: [1, 2] }, at: new Date(0) });
  });
});

describe("update", () => {
  function seeded() {
    const h = harness(() => new Date("2025-06-01T00:00:00Z"));
    h.run({ insert: "c", documents: [{ _id: 1, n: 1, s: "str", tags: ["a"], items: [{ k: 1, v: 1 }, { k: 2, v: 2 }, { k: 3, v: 3 }] }] });
    const update = (u: unknown, extra: Record<string, unknown> = {}) => h.run({ update: "c", updates: [{ q: { _id: 1 }, u, ...extra }] });
    return { ...h, update, doc: () => h.find("c", { _id: 1 })[0] ?? {} };
  }

  it("applies $set $unset $inc $mul $min $max $rename $currentDate", () => {
    const { update, doc } = seeded();
    expect(update({ $set: { "a.b": 1 }, $inc: { n: 2 }, $unset: { s: "" } })).toEqual({ n: 1, nModified: 1, ok: 1 });
    expect(doc()).toMatchObject({ n: 3, a: { b: 1 } });
    expect(doc()).not.toHaveProperty("s");
    update({ $mul: { n: 2, m: 5 }, $min: { low: 4 }, $max: { high: 9 } });
    expect(doc()).toMatchObject({ n: 6, m: 0, low: 4, high: 9 });
    update({ $min: { low: 2, high: 100 } });
    update({ $max: { high: 3 } });
    expect(doc()).toMatchObject({ low: 2, high: 9 });
    update({ $rename: { n: "renamed" }, $currentDate: { at: true, ts: { $type: "timestamp" } } });
    expect(doc()).toMatchObject({ renamed: 6, at: new Date("2025-06-01T00:00:00Z") });
    expect(doc().ts).toBeInstanceOf(Timestamp);
    expect(doc()).not.toHaveProperty("n");
  });

  it("widens int32 overflow to Long and keeps Long arithmetic exact", () => {
    const { update, doc } = seeded();
    update({ $set: { big: 2147483647, l: Long.fromString("9007199254740993") } });
    update({ $inc: { big: 1, l: 1 } });
    expect(doc().big).toEqual(Long.fromNumber(2147483648));
    expect((doc().l as Long).toString()).toBe("9007199254740994");
  });

  it("applies array operators: $push with modifiers, $addToSet, $pull, $pullAll, $pop", () => {
    const { update, doc } = seeded();
    update({ $push: { tags: { $each: ["d", "b", "c"], $sort: 1, $slice: 3 } } });
    expect(doc().tags).toEqual(["a", "b", "c"]);
    update({ $push: { tags: { $each: ["z"], $position: 0 } } });
    expect(doc().tags).toEqual(["z", "a", "b", "c"]);
    update({ $addToSet: { tags: { $each: ["a", "q"] } } });
    expect(doc().tags).toEqual(["z", "a", "b", "c", "q"]);
    update({ $pull: { tags: { $in: ["a", "b"] }, items: { v: { $gte: 2 } } } });
    expect(doc().tags).toEqual(["z", "c", "q"]);
    expect(doc().items).toEqual([{ k: 1, v: 1 }]);
    update({ $pullAll: { tags: ["z"] }, $pop: { items: -1 } });
    expect(doc()).toMatchObject({ tags: ["c", "q"], items: [] });
  });

  it("supports positional $, $[] and $[<id>] with arrayFilters", () => {
    const { run, update, doc } = seeded();
    run({ update: "c", updates: [{ q: { _id: 1, "items.k": 2 }, u: { $set: { "items.$.v": 20 } } }] });
    expect(doc().items).toEqual([{ k: 1, v: 1 }, { k: 2, v: 20 }, { k: 3, v: 3 }]);
    update({ $inc: { "items.$[].v": 1 } });
    expect((doc().items as { v: number }[]).map((i) => i.v)).toEqual([2, 21, 4]);
    update({ $set: { "items.$[big].flag": true } }, { arrayFilters: [{ "big.v": { $gt: 3 } }] });
    expect(doc().items).toEqual([{ k: 1, v: 2 }, { k: 2, v: 21, flag: true }, { k: 3, v: 4, flag: true }]);
    expect(update({ $set: { "items.$[nope].x": 1 } })).toMatchObject({ writeErrors: [{ code: 2 }] });
  });

  it("counts matched and modified separately, with multi", () => {
    const { run } = harness();
    run({ insert: "c", documents: [{ _id: 1, a: 1 }, { _id: 2, a: 1 }, { _id: 3, a: 2 }] });
    expect(run({ update: "c", updates: [{ q: { a: 1 }, u: { $set: { b: 1 } } }] })).toEqual({ n: 1, nModified: 1, ok: 1 });
    expect(run({ update: "c", updates: [{ q: { a: 1 }, u: { $set: { b: 1 } }, multi: true }] })).toEqual({ n: 2, nModified: 1, ok: 1 });
  });

  it("replaces whole documents, keeping _id", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [{ _id: 1, a: 1, b: 2 }] });
    run({ update: "c", updates: [{ q: { _id: 1 }, u: { c: 3 } }] });
    expect(find("c")).toEqual([{ _id: 1, c: 3 }]);
  });

  it("refuses to change _id (66) and non-numeric $inc (14)", () => {
    const { update, doc } = seeded();
    expect(update({ $set: { _id: 2 } })).toMatchObject({ n: 0, nModified: 0, ok: 1, writeErrors: [{ index: 0, code: 66 }] });
    expect(update({ _id: 2, x: 1 })).toMatchObject({ writeErrors: [{ code: 66 }] });
    expect(update({ $inc: { s: 1 } })).toMatchObject({ writeErrors: [{ code: 14 }] });
    expect(update({ $inc: { n: "x" } })).toMatchObject({ writeErrors: [{ code: 14 }] });
    expect(update({ $set: { a: 1 }, $inc: { a: 1 } })).toMatchObject({ writeErrors: [{ code: 40 }] });
    expect(update({ $frob: { a: 1 } })).toMatchObject({ writeErrors: [{ code: 9 }] });
    expect(doc().n).toBe(1);
  });

  it("upserts from equality fields, dotted paths, $eq and $and, with $setOnInsert", () => {
    const { run, find } = harness();
    const reply = run({
      update: "c",
      updates: [
        { q: { a: 1, "b.c": 2, d: { $eq: 3 }, $and: [{ e: 4 }, { f: { $gt: 1 } }] }, u: { $set: { g: 5 }, $setOnInsert: { created: true } }, upsert: true },
      ],
    });
    expect(reply.n).toBe(1);
    expect(reply.nModified).toBe(0);
    const upserted = reply.upserted as { index: number; _id: unknown }[];
    expect(upserted).toHaveLength(1);
    expect(upserted[0]?.index).toBe(0);
    const [doc] = find("c");
    expect(doc).toEqual({ _id: upserted[0]?._id, a: 1, b: { c: 2 }, d: 3, e: 4, g: 5, created: true });
    // A second run matches the document: $setOnInsert is not applied again.
    run({ update: "c", updates: [{ q: { a: 1 }, u: { $set: { g: 6 }, $setOnInsert: { created: false } }, upsert: true }] });
    expect(find("c")[0]).toMatchObject({ g: 6, created: true });
  });

  it("upserts a replacement with the query's _id", () => {
    const { run, find } = harness();
    const reply = run({ update: "c", updates: [{ q: { _id: "k", x: 1 }, u: { y: 2 }, upsert: true }] });
    expect(reply.upserted).toEqual([{ index: 0, _id: "k" }]);
    expect(find("c")).toEqual([{ _id: "k", y: 2 }]);
  });
});

describe("delete", () => {
  it("deletes one with limit 1 and all with limit 0", () => {
    const { run, engine, find } = harness();
    run({ insert: "c", documents: [{ _id: 1, a: 1 }, { _id: 2, a: 1 }, { _id: 3, a: 1 }, { _id: 4, a: 2 }] });
    const one = engine.runCommand("test", { delete: "c", deletes: [{ q: { a: 1 }, limit: 1 }] });
    expect(one.reply).toEqual({ n: 1, ok: 1 });
    expect(one.mutations).toEqual([{ op: "delete", db: "test", coll: "c", id: 1 }]);
    expect(run({ delete: "c", deletes: [{ q: { a: 1 }, limit: 0 }] })).toEqual({ n: 2, ok: 1 });
    expect(ids(find("c"))).toEqual([4]);
    expect(run({ delete: "missing", deletes: [{ q: {}, limit: 0 }] })).toEqual({ n: 0, ok: 1 });
  });
});
