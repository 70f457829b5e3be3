import { ObjectId } from "bson";
import { describe, expect, it } from "vitest";
import { harness } from "./helpers.js";

function seeded() {
  const h = harness();
  h.run({ insert: "c", documents: [{ _id: 1, k: "a", n: 1 }, { _id: 2, k: "b", n: 5 }, { _id: 3, k: "c", n: 3 }] });
  h.run({ createIndexes: "c", indexes: [{ key: { k: 1 }, name: "k_1", unique: true }] });
  return h;
}

describe("findAndModify", () => {
  it("returns the old document by default and the new one with new: true", () => {
    const { run, engine } = seeded();
    expect(run({ findAndModify: "c", query: { k: "a" }, update: { $inc: { n: 1 } } })).toEqual({
      lastErrorObject: { n: 1, updatedExisting: true },
      value: { _id: 1, k: "a", n: 1 },
      ok: 1,
    });
    const res = engine.runCommand("test", { findAndModify: "c", query: { k: "a" }, update: { $inc: { n: 1 } }, new: true, fields: { n: 1, _id: 0 } });
    expect(res.reply).toEqual({ lastErrorObject: { n: 1, updatedExisting: true }, value: { n: 3 }, ok: 1 });
    expect(res.mutations).toEqual([{ op: "replace", db: "test", coll: "c", doc: { _id: 1, k: "a", n: 3 } }]);
  });

  it("picks the first document in sort order", () => {
    const { run } = seeded();
    const reply = run({ findAndModify: "c", query: {}, sort: { n: -1 }, update: { $set: { top: true } }, new: true });
    expect(reply.value).toEqual({ _id: 2, k: "b", n: 5, top: true });
  });

  it("replaces documents and removes them", () => {
    const { run, find } = seeded();
    expect(run({ findAndModify: "c", query: { _id: 3 }, update: { k: "c", replaced: true }, new: true }).value).toEqual({ _id: 3, k: "c", replaced: true });
    expect(run({ findAndModify: "c", query: { _id: 3 }, remove: true })).toEqual({ lastErrorObject: { n: 1 }, value: { _id: 3, k: "c", replaced: true }, ok: 1 });
    expect(find("c", { _id: 3 })).toEqual([]);
    expect(run({ findAndModify: "c", query: { _id: 3 }, remove: true })).toEqual({ lastErrorObject: { n: 0 }, value: null, ok: 1 });
  });

  it("upserts, reporting the new _id", () => {
    const { run } = seeded();
    const reply = run({ findAndModify: "c", query: { k: "z" }, update: { $setOnInsert: { n: 0 } }, upsert: true, new: true });
    const value = reply.value as { _id: ObjectId };
    expect(value).toMatchObject({ k: "z", n: 0 });
    expect(value._id).toBeInstanceOf(ObjectId);
    expect(reply.lastErrorObject).toEqual({ n: 1, updatedExisting: false, upserted: value._id });
    const miss = run({ findAndModify: "c", query: { k: "y" }, update: { $set: { n: 1 } } });
    expect(miss).toEqual({ lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 });
  });

  it("fails the whole command on a duplicate key, with keyPattern and keyValue", () => {
    const { run, find } = seeded();
    const reply = run({ findAndModify: "c", query: { k: "a" }, update: { $set: { k: "b" } } });
    expect(reply).toEqual({
      ok: 0,
      code: 11000,
      codeName: "DuplicateKey",
      errmsg: 'E11000 duplicate key error collection: test.c index: k_1 dup key: { k: "b" }',
      keyPattern: { k: 1 },
      keyValue: { k: "b" },
    });
    expect(find("c", { _id: 1 })[0]?.k).toBe("a");
  });

  it("validates its arguments", () => {
    const { run } = seeded();
    expect(run({ findAndModify: "c", query: {} })).toMatchObject({ ok: 0, code: 9 });
    expect(run({ findAndModify: "c", query: {}, remove: true, update: { $set: { a: 1 } } })).toMatchObject({ ok: 0, code: 9 });
    expect(run({ findAndModify: "c", query: { _id: 1 }, update: { $set: { _id: 5 } } })).toMatchObject({ ok: 0, code: 66 });
  });
});
