import { Binary, Decimal128, Double, Long, MaxKey, MinKey, ObjectId, Timestamp } from "bson";
import { describe, expect, it } from "vitest";
import type { Document } from "../../../../src/store/embedded/contract.js";
import { harness, ids } from "./helpers.js";

describe("find filters", () => {
  function people() {
    const h = harness();
    h.run({
      insert: "p",
      documents: [
        { _id: 1, name: "ann", age: 30, tags: ["a", "b"], addr: { city: "Pune" }, pets: [{ kind: "cat", n: 2 }] },
        { _id: 2, name: "bob", age: 25, tags: ["b"], addr: { city: "Delhi" }, pets: [{ kind: "dog", n: 1 }] },
        { _id: 3, name: "cid", age: null, tags: [], pets: [{ kind: "cat", n: 5 }, { kind: "dog", n: 1 }] },
        { _id: 4, name: "dee", age: Long.fromNumber(40), addr: { city: "Pune" } },
      ],
    });
    return h;
  }

  it("matches equality, comparison (type-bracketed), $in/$nin, $exists, $ne", () => {
    const { find } = people();
    expect(ids(find("p", { "addr.city": "Pune" }))).toEqual([1, 4]);
    expect(ids(find("p", { age: { $gte: 30 } }))).toEqual([1, 4]);
    expect(ids(find("p", { age: { $lt: "z" } }))).toEqual([]);
    expect(ids(find("p", { age: null }))).toEqual([3]);
    expect(ids(find("p", { tags: "b" }))).toEqual([1, 2]);
    expect(ids(find("p", { tags: { $in: ["a", "zz"] } }))).toEqual([1]);
    expect(ids(find("p", { name: { $nin: ["ann", "bob"] } }))).toEqual([3, 4]);
    expect(ids(find("p", { tags: { $exists: false } }))).toEqual([4]);
    expect(ids(find("p", { name: { $ne: "ann" }, age: { $exists: true } }))).toEqual([2, 3, 4]);
    expect(ids(find("p", { tags: { $size: 0 } }))).toEqual([3]);
    expect(ids(find("p", { tags: { $all: ["a", "b"] } }))).toEqual([1]);
  });

  it("matches $elemMatch, $regex, $not, $or/$and/$nor, $type, $mod and $expr", () => {
    const { find } = people();
    expect(ids(find("p", { pets: { $elemMatch: { kind: "cat", n: { $gt: 3 } } } }))).toEqual([3]);
    expect(ids(find("p", { "pets.kind": "cat", "pets.n": 1 }))).toEqual([3]);
    expect(ids(find("p", { name: /^[ab]/ }))).toEqual([1, 2]);
    expect(ids(find("p", { name: { $regex: "^A", $options: "i" } }))).toEqual([1]);
    expect(ids(find("p", { name: { $not: /^a/ } }))).toEqual([2, 3, 4]);
    expect(ids(find("p", { $or: [{ _id: 1 }, { age: 25 }] }))).toEqual([1, 2]);
    expect(ids(find("p", { $nor: [{ _id: 1 }, { age: 25 }] }))).toEqual([3, 4]);
    expect(ids(find("p", { age: { $type: "long" } }))).toEqual([4]);
    expect(ids(find("p", { age: { $type: "number" } }))).toEqual([1, 2, 4]);
    expect(ids(find("p", { age: { $mod: [10, 5] } }))).toEqual([2]);
    expect(ids(find("p", { $expr: { $gt: ["$age", 28] } }))).toEqual([1, 4]);
  });

  it("rejects unknown operators with BadValue", () => {
    const { run } = people();
    expect(run({ find: "p", filter: { a: { $frob: 1 } } })).toMatchObject({ ok: 0, code: 2 });
    expect(run({ find: "p", filter: { $frob: 1 } })).toMatchObject({ ok: 0, code: 2 });
  });

  it("treats ObjectId, Date and Binary by value", () => {
    const { run, find } = harness();
    const oid = new ObjectId();
    run({ insert: "c", documents: [{ _id: oid, at: new Date(5), bin: new Binary(Buffer.from("hi")) }] });
    expect(find("c", { _id: new ObjectId(oid.toHexString()) })).toHaveLength(1);
    expect(find("c", { at: new Date(5) })).toHaveLength(1);
    expect(find("c", { bin: new Binary(Buffer.from("hi")) })).toHaveLength(1);
    expect(find("c", { at: { $gt: new Date(4) } })).toHaveLength(1);
  });
});

describe("find options", () => {
  it("sorts across types in MongoDB's order", () => {
    const { run, find } = harness();
    const oid = new ObjectId();
    const values: unknown[] = [
      new MaxKey(), /x/, new Timestamp({ t: 1, i: 1 }), new Date(0), true, oid, new Binary(Buffer.from("a")),
      [5], { a: 1 }, "str", 3, null, new MinKey(),
    ];
    run({ insert: "c", documents: values.map((v, i) => ({ _id: i, v })) });
    const sorted = find("c", {}, { sort: { v: 1 } }).map((d) => d._id);
    // Arrays sort by their smallest element, so [5] sits among the numbers after 3.
    expect(sorted).toEqual([12, 11, 10, 7, 9, 8, 6, 5, 4, 3, 2, 1, 0]);
  });

  it("orders Long, Decimal128, Double and plain numbers by value", () => {
    const { run, find } = harness();
    run({
      insert: "c",
      documents: [
        { _id: 1, v: Long.fromString("9007199254740993") },
        { _id: 2, v: 9007199254740992 },
        { _id: 3, v: Decimal128.fromString("9007199254740992.5") },
        { _id: 4, v: new Double(-1) },
        { _id: 5, v: Decimal128.fromString("-1.5") },
        { _id: 6, v: 2.25 },
        { _id: 7, v: Long.fromNumber(2) },
      ],
    });
    expect(ids(find("c", {}, { sort: { v: 1 } }))).toEqual([5, 4, 7, 6, 2, 3, 1]);
    expect(ids(find("c", {}, { sort: { v: -1 } }))).toEqual([1, 3, 2, 6, 7, 4, 5]);
    expect(ids(find("c", { v: { $gt: Decimal128.fromString("9007199254740992") } }))).toEqual([1, 3]);
    expect(ids(find("c", { v: 2 }))).toEqual([7]);
  });

  it("projects with inclusion, exclusion, $slice, $elemMatch and positional $", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [{ _id: 1, a: 1, b: { c: 2, d: 3 }, list: [1, 2, 3, 4], items: [{ k: 1 }, { k: 2 }] }] });
    expect(find("c", {}, { projection: { a: 1, "b.c": 1 } })).toEqual([{ _id: 1, a: 1, b: { c: 2 } }]);
    expect(find("c", {}, { projection: { b: 0, list: 0, items: 0, _id: 0 } })).toEqual([{ a: 1 }]);
    expect(find("c", {}, { projection: { list: { $slice: -2 }, a: 1, _id: 0 } })).toEqual([{ a: 1, list: [3, 4] }]);
    expect(find("c", {}, { projection: { list: { $slice: [1, 2] }, _id: 0, a: 0, b: 0, items: 0 } })).toEqual([{ list: [2, 3] }]);
    expect(find("c", {}, { projection: { items: { $elemMatch: { k: 2 } } } })).toEqual([{ _id: 1, items: [{ k: 2 }] }]);
    expect(find("c", { "items.k": 2 }, { projection: { "items.$": 1 } })).toEqual([{ _id: 1, items: [{ k: 2 }] }]);
    expect(find("c", {}, { projection: { sum: { $add: ["$a", 1] } } })).toEqual([{ _id: 1, sum: 2 }]);
  });

  it("applies skip and limit after sort", () => {
    const { run, find } = harness();
    run({ insert: "c", documents: [5, 3, 1, 4, 2].map((n) => ({ _id: n })) });
    expect(ids(find("c", {}, { sort: { _id: -1 }, skip: 1, limit: 2 }))).toEqual([4, 3]);
    expect(run({ count: "c", query: { _id: { $gt: 1 } }, skip: 1, limit: 2 })).toEqual({ n: 2, ok: 1 });
  });
});

describe("cursors", () => {
  function many() {
    const h = harness();
    h.run({ insert: "c", documents: Array.from({ length: 250 }, (_, i) => ({ _id: i })) });
    return h;
  }

  it("returns 101 documents first and the rest through getMore with Long ids", () => {
    const { run } = many();
    const first = run({ find: "c", filter: {} }).cursor as { id: Long; firstBatch: Document[]; ns: string };
    expect(first.firstBatch).toHaveLength(101);
    expect(first.id).toBeInstanceOf(Long);
    expect(first.id.isZero()).toBe(false);
    expect(first.ns).toBe("test.c");
    const second = run({ getMore: first.id, collection: "c", batchSize: 100 }).cursor as { id: Long; nextBatch: Document[] };
    expect(second.nextBatch.map((d) => d._id)).toEqual(Array.from({ length: 100 }, (_, i) => i + 101));
    expect(second.id.equals(first.id)).toBe(true);
    const third = run({ getMore: first.id, collection: "c" }).cursor as { id: Long; nextBatch: Document[] };
    expect(third.nextBatch).toHaveLength(49);
    expect(third.id.isZero()).toBe(true);
    expect(run({ getMore: first.id, collection: "c" })).toMatchObject({ ok: 0, code: 43, codeName: "CursorNotFound" });
  });

  it("honours batchSize and singleBatch, and kills cursors", () => {
    const { run } = many();
    const small = run({ find: "c", batchSize: 10 }).cursor as { id: Long; firstBatch: Document[] };
    expect(small.firstBatch).toHaveLength(10);
    expect((run({ find: "c", singleBatch: true, batchSize: 10 }).cursor as { id: Long }).id.isZero()).toBe(true);
    const killed = run({ killCursors: "c", cursors: [small.id, Long.fromNumber(999)] });
    expect(killed).toMatchObject({ ok: 1, cursorsKilled: [small.id], cursorsNotFound: [Long.fromNumber(999)] });
    expect(run({ getMore: small.id, collection: "c" })).toMatchObject({ code: 43 });
  });
});

describe("count and distinct", () => {
  it("counts with a query and lists distinct values, flattening arrays", () => {
    const { run } = harness();
    run({ insert: "c", documents: [{ t: ["a", "b"], n: 1 }, { t: "a", n: Long.fromNumber(1) }, { t: "c", n: 2 }] });
    expect(run({ count: "c", query: { t: "a" } })).toEqual({ n: 2, ok: 1 });
    expect(run({ distinct: "c", key: "t" })).toEqual({ values: ["a", "b", "c"], ok: 1 });
    expect((run({ distinct: "c", key: "n", query: { t: { $ne: "zz" } } }).values as unknown[]).length).toBe(2);
  });
});

describe("cursor timeout", () => {
  it("drops cursors idle for more than ten minutes", () => {
    let now = new Date("2025-01-01T00:00:00Z");
    const { run } = harness(() => now);
    run({ insert: "c", documents: Array.from({ length: 5 }, (_, i) => ({ _id: i })) });
    const idle = (run({ find: "c", batchSize: 1 }).cursor as { id: Long }).id;
    now = new Date("2025-01-01T00:11:00Z");
    const fresh = (run({ find: "c", batchSize: 1 }).cursor as { id: Long }).id;
    expect(run({ getMore: idle, collection: "c" })).toMatchObject({ code: 43 });
    expect(run({ getMore: fresh, collection: "c" })).toMatchObject({ ok: 1 });
  });
});
