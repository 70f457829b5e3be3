import { Long } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

/** Each command the embedded server claims to support, sent raw through `db.command`. */
let target: Target;

beforeAll(() => openTarget("conformance_commands").then((t) => (target = t)));
afterAll(() => target.close());

describe("raw commands", () => {
  it("hello, isMaster, ping, buildInfo, getParameter", async () => {
    const admin = target.client.db("admin");
    const hello = await admin.command({ hello: 1 });
    expect(hello).toMatchObject({ ok: 1, isWritablePrimary: true });
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(17);
    expect(hello.maxMessageSizeBytes).toBe(48_000_000);
    expect(await admin.command({ isMaster: 1 })).toMatchObject({ ok: 1, ismaster: true });
    expect(await admin.command({ ping: 1 })).toMatchObject({ ok: 1 });
    expect((await admin.command({ buildInfo: 1 })).version).toMatch(/^\d+\.\d+/);
    const fcv = await admin.command({ getParameter: 1, featureCompatibilityVersion: 1 });
    expect(fcv.featureCompatibilityVersion.version).toMatch(/^\d+\.\d+$/);
  });

  it("listDatabases", async () => {
    await target.db.collection("present").insertOne({ a: 1 });
    const listed = await target.client.db("admin").command({ listDatabases: 1, nameOnly: true });
    expect(listed.ok).toBe(1);
    expect(listed.databases.map((d: { name: string }) => d.name)).toContain("conformance_commands");
  });

  it("insert, find, getMore, killCursors", async () => {
    const db = target.db;
    const inserted = await db.command({ insert: "raw", documents: [{ _id: 1 }, { _id: 2 }, { _id: 3 }] });
    expect(inserted).toMatchObject({ ok: 1, n: 3 });
    // promoteLongs: false keeps the cursor id a Long whatever its size, as getMore requires.
    const found = await db.command({ find: "raw", filter: {}, sort: { _id: 1 }, batchSize: 1 }, { promoteLongs: false });
    expect(found.cursor.firstBatch).toEqual([{ _id: 1 }]);
    const id = found.cursor.id as Long;
    expect(Long.isLong(id) && !id.isZero()).toBe(true);
    const more = await db.command({ getMore: id, collection: "raw", batchSize: 1 });
    expect(more.cursor.nextBatch).toEqual([{ _id: 2 }]);
    const killed = await db.command({ killCursors: "raw", cursors: [id] }, { promoteLongs: false });
    expect(killed.cursorsKilled.map(String)).toEqual([String(id)]);
    const gone = await db.command({ getMore: id, collection: "raw" }).catch((e: { code: number }) => e);
    expect((gone as { code: number }).code).toBe(43);
  });

  it("update, delete, findAndModify, count, distinct", async () => {
    const db = target.db;
    const updated = await db.command({ update: "raw", updates: [{ q: { _id: 1 }, u: { $set: { a: 1 } } }, { q: { _id: 9 }, u: { $set: { a: 9 } }, upsert: true }] });
    expect(updated).toMatchObject({ ok: 1, n: 2, nModified: 1, upserted: [{ index: 1, _id: 9 }] });
    const fam = await db.command({ findAndModify: "raw", query: { _id: 2 }, update: { $inc: { a: 5 } }, new: true });
    expect(fam).toMatchObject({ ok: 1, value: { _id: 2, a: 5 }, lastErrorObject: { n: 1, updatedExisting: true } });
    expect(await db.command({ count: "raw", query: { a: { $exists: true } } })).toMatchObject({ ok: 1, n: 3 });
    const distinct = await db.command({ distinct: "raw", key: "a" });
    expect(distinct.values.sort()).toEqual([1, 5, 9]);
    expect(await db.command({ delete: "raw", deletes: [{ q: { a: { $gte: 5 } }, limit: 0 }] })).toMatchObject({ ok: 1, n: 2 });
  });

  it("create, listCollections, createIndexes, listIndexes, dropIndexes, aggregate, drop, dropDatabase, endSessions", async () => {
    const db = target.db;
    expect(await db.command({ create: "rawc" })).toMatchObject({ ok: 1 });
    const listed = await db.command({ listCollections: 1, filter: { name: "rawc" } });
    expect(listed.cursor.firstBatch.map((c: { name: string }) => c.name)).toEqual(["rawc"]);
    expect(await db.command({ createIndexes: "rawc", indexes: [{ key: { k: 1 }, name: "k_1" }] })).toMatchObject({ ok: 1 });
    const indexes = await db.command({ listIndexes: "rawc" });
    expect(indexes.cursor.firstBatch.map((i: { name: string }) => i.name)).toEqual(["_id_", "k_1"]);
    expect(await db.command({ dropIndexes: "rawc", index: "k_1" })).toMatchObject({ ok: 1 });
    const agg = await db.command({ aggregate: "raw", pipeline: [{ $count: "n" }], cursor: {} });
    expect(agg.cursor.firstBatch).toEqual([{ n: 2 }]); // _id 1 and 3 are left by the previous test
    expect(await db.command({ drop: "rawc" })).toMatchObject({ ok: 1 });
    const session = target.client.startSession();
    await db.collection("raw").findOne({}, { session });
    await session.endSession(); // endSessions is sent when the client closes
    expect(await target.client.db("conformance_commands_drop").command({ dropDatabase: 1 })).toMatchObject({ ok: 1 });
  });

  it("answers an unknown command with CommandNotFound (59)", async () => {
    const error = await target.db.command({ frobnicate: 1 }).catch((e: { code: number; codeName: string }) => e);
    expect(error).toMatchObject({ code: 59, codeName: "CommandNotFound" });
  });
});
