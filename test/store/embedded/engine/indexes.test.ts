import { describe, expect, it } from "vitest";
import type { Document } from "../../../../src/store/embedded/contract.js";
import { Collection } from "../../../../src/store/embedded/engine/collection.js";
import { Index } from "../../../../src/store/embedded/engine/indexes.js";
import { plan } from "../../../../src/store/embedded/engine/planner.js";
import { harness, ids } from "./helpers.js";

function batch(reply: Document): Document[] {
  return (reply.cursor as { firstBatch: Document[] }).firstBatch;
}

describe("createIndexes / listIndexes / dropIndexes", () => {
  it("creates, lists (with _id_) and drops by name, key pattern and *", () => {
    const { run, engine } = harness();
    const created = engine.runCommand("test", {
      createIndexes: "c",
      indexes: [
        { key: { a: 1 }, name: "a_1", unique: true },
        { key: { b: 1, c: -1 }, name: "b_1_c_-1" },
      ],
    });
    expect(created.reply).toEqual({ numIndexesBefore: 1, numIndexesAfter: 3, createdCollectionAutomatically: true, ok: 1 });
    expect(created.mutations).toEqual([
      { op: "createCollection", db: "test", coll: "c", options: {} },
      { op: "createIndex", db: "test", coll: "c", spec: { key: { a: 1 }, name: "a_1", unique: true } },
      { op: "createIndex", db: "test", coll: "c", spec: { key: { b: 1, c: -1 }, name: "b_1_c_-1" } },
    ]);
    expect(batch(run({ listIndexes: "c", cursor: {} }))).toEqual([
      { v: 2, key: { _id: 1 }, name: "_id_" },
      { v: 2, key: { a: 1 }, name: "a_1", unique: true },
      { v: 2, key: { b: 1, c: -1 }, name: "b_1_c_-1" },
    ]);
    expect(run({ createIndexes: "c", indexes: [{ key: { a: 1 }, name: "a_1", unique: true }] })).toMatchObject({ ok: 1, numIndexesAfter: 3, note: "all indexes already exist" });
    expect(run({ dropIndexes: "c", index: { b: 1, c: -1 } })).toEqual({ nIndexesWas: 3, ok: 1 });
    expect(run({ dropIndexes: "c", index: "a_1" })).toEqual({ nIndexesWas: 2, ok: 1 });
    run({ createIndexes: "c", indexes: [{ key: { x: 1 }, name: "x_1" }, { key: { y: 1 }, name: "y_1" }] });
    const all = engine.runCommand("test", { dropIndexes: "c", index: "*" });
    expect(all.mutations).toEqual([
      { op: "dropIndex", db: "test", coll: "c", name: "x_1" },
      { op: "dropIndex", db: "test", coll: "c", name: "y_1" },
    ]);
    expect(batch(run({ listIndexes: "c", cursor: {} }))).toHaveLength(1);
  });

  it("reports index errors with MongoDB's codes", () => {
    const { run } = harness();
    run({ createIndexes: "c", indexes: [{ key: { a: 1 }, name: "a_1" }] });
    expect(run({ createIndexes: "c", indexes: [{ key: { b: 1 }, name: "a_1" }] })).toMatchObject({ ok: 0, code: 86, codeName: "IndexKeySpecsConflict" });
    expect(run({ createIndexes: "c", indexes: [{ key: { a: 1 }, name: "a_1", unique: true }] })).toMatchObject({ ok: 0, code: 85 });
    expect(run({ createIndexes: "c", indexes: [{ key: { a: 1 }, name: "other" }] })).toMatchObject({ ok: 0, code: 85, codeName: "IndexOptionsConflict" });
    expect(run({ dropIndexes: "c", index: "nope" })).toMatchObject({ ok: 0, code: 27, codeName: "IndexNotFound" });
    expect(run({ dropIndexes: "c", index: "_id_" })).toMatchObject({ ok: 0, code: 72 });
    expect(run({ dropIndexes: "missing", index: "*" })).toMatchObject({ ok: 0, code: 26 });
    expect(run({ listIndexes: "missing" })).toMatchObject({ ok: 0, code: 26 });
  });

  it("refuses a unique index over duplicate data with 11000", () => {
    const { run } = harness();
    run({ insert: "c", documents: [{ _id: 1, e: "x" }, { _id: 2, e: "x" }] });
    const reply = run({ createIndexes: "c", indexes: [{ key: { e: 1 }, name: "e_1", unique: true }] });
    expect(reply).toMatchObject({ ok: 0, code: 11000, keyPattern: { e: 1 }, keyValue: { e: "x" } });
    expect(batch(run({ listIndexes: "c", cursor: {} }))).toHaveLength(1);
  });
});

describe("index constraints", () => {
  it("enforces unique and compound unique keys, treating missing as null", () => {
    const { run } = harness();
    run({ createIndexes: "c", indexes: [{ key: { email: 1 }, name: "email_1", unique: true }, { key: { org: 1, n: 1 }, name: "org_1_n_1", unique: true }] });
    expect(run({ insert: "c", documents: [{ email: "a", org: "o", n: 1 }, { email: "b", org: "o", n: 2 }] })).toEqual({ n: 2, ok: 1 });
    const dupCompound = run({ insert: "c", documents: [{ email: "c", org: "o", n: 1 }] });
    expect(dupCompound.writeErrors).toEqual([
      {
        index: 0,
        code: 11000,
        errmsg: 'E11000 duplicate key error collection: test.c index: org_1_n_1 dup key: { org: "o", n: 1 }',
        keyPattern: { org: 1, n: 1 },
        keyValue: { org: "o", n: 1 },
      },
    ]);
    expect(run({ insert: "c", documents: [{ org: "p" }] })).toEqual({ n: 1, ok: 1 });
    expect(run({ insert: "c", documents: [{ org: "q" }] })).toMatchObject({ writeErrors: [{ code: 11000, keyValue: { email: null } }] });
    // An update that collides is a write error too, and leaves the document alone.
    expect(run({ update: "c", updates: [{ q: { email: "b" }, u: { $set: { email: "a" } } }] })).toMatchObject({ n: 0, nModified: 0, writeErrors: [{ code: 11000 }] });
  });

  it("keeps documents without the field out of sparse unique indexes", () => {
    const { run } = harness();
    run({ createIndexes: "c", indexes: [{ key: { s: 1 }, name: "s_1", unique: true, sparse: true }] });
    expect(run({ insert: "c", documents: [{ a: 1 }, { a: 2 }, { s: 1 }] })).toEqual({ n: 3, ok: 1 });
    expect(run({ insert: "c", documents: [{ s: 1 }] })).toMatchObject({ writeErrors: [{ code: 11000 }] });
  });

  it("applies partial unique indexes only to matching documents", () => {
    const { run } = harness();
    run({ createIndexes: "c", indexes: [{ key: { u: 1 }, name: "u_1", unique: true, partialFilterExpression: { active: true } }] });
    expect(run({ insert: "c", documents: [{ u: 1, active: false }, { u: 1, active: false }, { u: 1, active: true }] })).toEqual({ n: 3, ok: 1 });
    expect(run({ insert: "c", documents: [{ u: 1, active: true }] })).toMatchObject({ writeErrors: [{ code: 11000 }] });
  });

  it("uses maps for _id and leading-field equality instead of scanning", () => {
    const coll = new Collection("test", "c", {});
    for (let i = 0; i < 1000; i++) coll.insert({ _id: i, org: `o${i % 10}`, n: i, tags: [`t${i}`, "all"] });
    coll.addIndex(new Index({ key: { org: 1, n: 1 }, name: "org_1_n_1" }));
    coll.addIndex(new Index({ key: { tags: 1 }, name: "tags_1" }));
    const count = (filter: Document) => [...plan(coll, filter).docs].length;
    expect(count({ _id: 5 })).toBe(1);
    expect(count({ _id: { $in: [1, 2, 3000] } })).toBe(2);
    expect(count({ org: "o3" })).toBe(100);
    expect(count({ org: "o3", n: 13 })).toBe(1);
    expect(count({ $and: [{ org: "o3" }, { n: { $gt: 5 } }] })).toBe(100);
    expect(count({ tags: "t7" })).toBe(1);
    expect(count({ n: 5 })).toBe(1000);
    expect(ids(coll.find({ tags: "t7", org: "o7" }))).toEqual([7]);
  });
});

describe("TTL", () => {
  it("sweeps documents whose date plus expireAfterSeconds has passed", () => {
    const { run, engine, find } = harness();
    run({ createIndexes: "s", indexes: [{ key: { at: 1 }, name: "at_1", expireAfterSeconds: 60 }] });
    run({ insert: "s", documents: [{ _id: 1, at: new Date("2025-01-01T00:00:00Z") }, { _id: 2, at: new Date("2025-01-01T00:05:00Z") }, { _id: 3, at: "not a date" }, { _id: 4 }] });
    expect(engine.sweepExpired(new Date("2025-01-01T00:00:59Z"))).toEqual([]);
    expect(engine.sweepExpired(new Date("2025-01-01T00:01:00Z"))).toEqual([{ op: "delete", db: "test", coll: "s", id: 1 }]);
    expect(ids(find("s", {}))).toEqual([2, 3, 4]);
  });
});
