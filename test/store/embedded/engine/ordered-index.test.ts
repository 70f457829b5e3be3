import { Long } from "bson";
import { describe, expect, it } from "vitest";
import type { Document } from "../../../../src/store/embedded/contract.js";
import { Collection } from "../../../../src/store/embedded/engine/collection.js";
import { compareValues } from "../../../../src/store/embedded/engine/compare.js";
import { Index } from "../../../../src/store/embedded/engine/indexes.js";
import { compileFilter } from "../../../../src/store/embedded/engine/match.js";
import { OrderedKeys, type OrderedEntry } from "../../../../src/store/embedded/engine/ordered-keys.js";
import { plan } from "../../../../src/store/embedded/engine/planner.js";
import { parseSort, sortDocs } from "../../../../src/store/embedded/engine/sort.js";
import { ids } from "./helpers.js";

/** A seeded generator, so a failure replays the same data. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe("OrderedKeys", () => {
  it("keeps entries in index order through inserts and deletes, across block splits", () => {
    const next = random(7);
    const keys = new OrderedKeys([1, -1]);
    const reference: OrderedEntry[] = [];
    const byKey = (a: OrderedEntry, b: OrderedEntry) => compareValues(a.values[0], b.values[0]) || -compareValues(a.values[1], b.values[1]);
    const order = (a: OrderedEntry, b: OrderedEntry) => byKey(a, b) || a.ord - b.ord;
    for (let ord = 0; ord < 5000; ord++) {
      const entry = { values: [Math.floor(next() * 20), Math.floor(next() * 50)], ord, id: `d${ord}` };
      keys.insert(entry);
      reference.push(entry);
      if (next() < 0.3) {
        const victim = reference.splice(Math.floor(next() * reference.length), 1)[0] as OrderedEntry;
        expect(keys.delete(victim)).toBe(true);
      }
    }
    reference.sort(order);
    expect(keys.size).toBe(reference.length);
    expect([...keys.walk([], [])].map((e) => e.id)).toEqual(reference.map((e) => e.id));
    // Backwards, equal keys still come oldest first.
    const backwards = [...reference].sort((a, b) => byKey(b, a) || a.ord - b.ord);
    expect([...keys.walk([], [], true)].map((e) => e.id)).toEqual(backwards.map((e) => e.id));
    for (let a = 0; a < 20; a += 3) {
      const inA = reference.filter((e) => e.values[0] === a);
      expect(keys.count([a], [a])).toBe(inA.length);
      expect([...keys.walk([a], [a])].map((e) => e.id)).toEqual(inA.map((e) => e.id));
      // Second field descends: from 40 down to 10.
      const between = inA.filter((e) => (e.values[1] as number) <= 40 && (e.values[1] as number) >= 10);
      expect([...keys.walk([a, 40], [a, 10])].map((e) => e.id)).toEqual(between.map((e) => e.id));
      expect(keys.count([a, 40], [a, 10])).toBe(between.length);
    }
    expect(keys.count([5], [3])).toBe(0);
    expect([...keys.walk([5], [3])]).toEqual([]);
    expect(keys.delete({ values: [1, 1], ord: 99_999, id: "none" })).toBe(false);
  });
});

const STATES = ["queued", "leased", "sent"];
const values = [1, 2, Long.fromNumber(2), 3.5, "x", null, undefined, new Date(0), new Date(1000)];

function outboxLike(next: () => number, n: number): Document[] {
  return Array.from({ length: n }, (_, i) => {
    const doc: Document = {
      _id: `r${i}`,
      channel: next() < 0.5 ? "telegram" : "whatsapp",
      state: STATES[Math.floor(next() * STATES.length)],
      notBefore: new Date(Math.floor(next() * 50) * 1000),
      seq: Math.floor(next() * 10),
    };
    const v = values[Math.floor(next() * values.length)];
    if (v !== undefined) doc.mixed = v;
    return doc;
  });
}

/** What a full scan, filter and stable sort return: the answer every plan must give. */
function bruteForce(docs: Document[], filter: Document, sort: Document, limit: number): unknown[] {
  const pred = compileFilter(filter);
  return ids(sortDocs(docs.filter((d) => pred(d)), sort).slice(0, limit));
}

describe("sorted walks along an index", () => {
  const next = random(11);
  const docs = outboxLike(next, 3000);
  const coll = new Collection("test", "outbox", {});
  coll.addIndex(new Index({ key: { channel: 1, state: 1, notBefore: 1, seq: 1 }, name: "claim" }));
  coll.addIndex(new Index({ key: { mixed: -1 }, name: "mixed_-1" }));
  for (const d of docs) coll.insert(d);
  // Updates and deletes move rows between key ranges, as the sender does.
  for (const d of docs.slice(0, 600)) {
    const stored = coll.getById(d._id) as Document;
    coll.replace(stored, { ...stored, state: "sent", seq: (stored.seq as number) + 1 });
  }
  for (const d of docs.slice(600, 800)) coll.remove(coll.getById(d._id) as Document);
  const current = [...coll.docs.values()];

  const queries: Array<[Document, Document]> = [
    [{ channel: "telegram", state: "queued", notBefore: { $lte: new Date(20_000) } }, { notBefore: 1, seq: 1 }],
    [{ channel: "telegram", state: "queued", notBefore: { $lte: new Date(20_000) } }, { notBefore: -1, seq: -1 }],
    [{ channel: "whatsapp", state: "sent", notBefore: { $gt: new Date(10_000), $lt: new Date(30_000) } }, { notBefore: 1, seq: 1 }],
    [{ channel: "whatsapp", state: "sent" }, { state: 1, notBefore: 1, seq: 1 }],
    [{ channel: "telegram" }, { state: -1, notBefore: -1, seq: -1 }],
    [{}, { channel: 1, state: 1, notBefore: 1, seq: 1 }],
    [{ seq: { $gte: 5 } }, { mixed: 1 }],
    [{ mixed: { $gte: 2 } }, { mixed: -1 }],
  ];

  it.each(queries.map((q, i) => [i, ...q] as const))("query %i returns what a full sort returns", (_i, filter, sort) => {
    for (const limit of [1, 7, 100, Infinity]) {
      expect(ids(coll.find(filter, compileFilter(filter), limit, sort))).toEqual(bruteForce(current, filter, sort, limit));
    }
  });

  it("walks in sort order and stops at the limit instead of matching every row", () => {
    const filter = queries[0]?.[0] as Document;
    const sort = parseSort({ notBefore: 1, seq: 1 });
    expect(plan(coll, filter, sort).sorted).toBe(true);
    let looked = 0;
    const pred = compileFilter(filter);
    const found = coll.find(filter, (d) => (looked++, pred(d)), 10, { notBefore: 1, seq: 1 });
    expect(found).toHaveLength(10);
    expect(looked).toBe(10);
  });

  it("visits only the rows inside the range bound on the next field", () => {
    const filter = { channel: "telegram", state: "queued", notBefore: { $lte: new Date(5_000) } };
    const due = current.filter(compileFilter(filter)).length;
    let looked = 0;
    coll.find(filter, () => (looked++, true), Infinity, { notBefore: 1, seq: 1 });
    expect(looked).toBe(due);
  });

  it("narrows unsorted queries to an equal prefix, in natural order", () => {
    const filter = { channel: "whatsapp", state: "leased" };
    const chosen = plan(coll, filter);
    const expected = current.filter(compileFilter(filter));
    expect([...chosen.docs].length).toBe(expected.length);
    expect(ids(coll.find(filter))).toEqual(ids(expected));
  });

  it("falls back to sorting when the sort does not follow the index to its end", () => {
    const filter = { channel: "telegram", state: "queued" };
    expect(plan(coll, filter, parseSort({ notBefore: 1 })).sorted).toBe(false);
    expect(plan(coll, filter, parseSort({ notBefore: 1, seq: -1 })).sorted).toBe(false);
    expect(ids(coll.find(filter, compileFilter(filter), 5, { notBefore: 1 }))).toEqual(bruteForce(current, filter, { notBefore: 1 }, 5));
  });
});

describe("indexes that cannot walk", () => {
  it("stops walking once a document has several keys (multikey) and still answers right", () => {
    const coll = new Collection("test", "c", {});
    coll.addIndex(new Index({ key: { tags: 1 }, name: "tags_1" }));
    const docs = [{ _id: 1, tags: "b" }, { _id: 2, tags: "a" }, { _id: 3, tags: ["c", "a0"] }, { _id: 4 }];
    for (const d of docs) coll.insert(d);
    expect(plan(coll, {}, parseSort({ tags: 1 })).sorted).toBe(false);
    expect(ids(coll.find({}, undefined, Infinity, { tags: 1 }))).toEqual(bruteForce(docs, {}, { tags: 1 }, Infinity));
    expect(ids(coll.find({}, undefined, Infinity, { tags: -1 }))).toEqual(bruteForce(docs, {}, { tags: -1 }, Infinity));
  });

  it("uses a sparse index only when an equality guarantees the field is present", () => {
    const coll = new Collection("test", "c", {});
    coll.addIndex(new Index({ key: { a: 1, b: 1 }, name: "a_1_b_1", sparse: true }));
    const docs = [{ _id: 1, a: 2, b: 1 }, { _id: 2 }, { _id: 3, a: 1, b: 5 }, { _id: 4, a: 2, b: 0 }];
    for (const d of docs) coll.insert(d);
    expect(plan(coll, {}, parseSort({ a: 1, b: 1 })).sorted).toBe(false);
    expect(ids(coll.find({}, undefined, Infinity, { a: 1, b: 1 }))).toEqual([2, 3, 4, 1]);
    expect(plan(coll, { a: 2 }, parseSort({ b: 1 })).sorted).toBe(true);
    expect(ids(coll.find({ a: 2 }, undefined, Infinity, { b: 1 }))).toEqual([4, 1]);
  });

  it("does not walk a partial index", () => {
    const coll = new Collection("test", "c", {});
    coll.addIndex(new Index({ key: { a: 1 }, name: "a_1", partialFilterExpression: { a: { $gt: 1 } } }));
    for (const d of [{ _id: 1, a: 3 }, { _id: 2, a: 1 }]) coll.insert(d);
    expect(plan(coll, {}, parseSort({ a: 1 })).sorted).toBe(false);
    expect(ids(coll.find({}, undefined, 1, { a: 1 }))).toEqual([2]);
  });
});
