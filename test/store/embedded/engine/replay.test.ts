import { deserialize, Double, Long, ObjectId, serialize } from "bson";
import { describe, expect, it } from "vitest";
import type { Document, Engine, Mutation } from "../../../../src/store/embedded/contract.js";
import { createEngine, ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";

/** A workload touching every kind of mutation. */
function workload(engine: Engine): Mutation[] {
  const log: Mutation[] = [];
  const run = (cmd: Document, db = "app") => {
    const res = engine.runCommand(db, cmd);
    log.push(...res.mutations);
    return res.reply;
  };
  run({ create: "capped", capped: true, size: 1024 });
  run({ createIndexes: "users", indexes: [{ key: { phone: 1 }, name: "phone_1", unique: true }, { key: { at: 1 }, name: "at_1", expireAfterSeconds: 3600 }] });
  run({
    insert: "users",
    documents: Array.from({ length: 30 }, (_, i) => ({ _id: i, phone: `p${i}`, n: i % 3 === 0 ? Long.fromNumber(i) : i, d: new Double(1), at: new Date(i * 1000) })),
  });
  run({ update: "users", updates: [{ q: { n: { $lt: 10 } }, u: { $inc: { n: 1 }, $push: { log: "inc" } }, multi: true }] });
  run({ update: "users", updates: [{ q: { phone: "new" }, u: { $set: { n: 99 } }, upsert: true }] });
  run({ findAndModify: "users", query: { phone: "p5" }, update: { phone: "p5", replaced: true } });
  run({ delete: "users", deletes: [{ q: { _id: { $gte: 25 } }, limit: 0 }] });
  run({ insert: "tmp", documents: [{ x: 1 }] });
  run({ drop: "tmp" });
  run({ insert: "gone", documents: [{ x: 1 }] }, "other");
  run({ dropDatabase: 1 }, "other");
  run({ createIndexes: "users", indexes: [{ key: { x: 1 }, name: "x_1" }] });
  run({ dropIndexes: "users", index: "x_1" });
  log.push(...engine.sweepExpired(new Date(3600 * 1000 + 2000)));
  return log;
}

function state(engine: Engine): Document {
  const out: Document = {};
  for (const db of ["app", "other"]) {
    const colls = engine.runCommand(db, { listCollections: 1, cursor: {} }).reply.cursor as { firstBatch: { name: string; options: Document }[] };
    for (const c of colls.firstBatch) {
      const docs = engine.runCommand(db, { find: c.name, filter: {}, batchSize: 1000 }).reply.cursor as { firstBatch: Document[] };
      const indexes = engine.runCommand(db, { listIndexes: c.name, cursor: {} }).reply.cursor as { firstBatch: Document[] };
      out[`${db}.${c.name}`] = { options: c.options, docs: docs.firstBatch, indexes: indexes.firstBatch };
    }
  }
  return out;
}

/** Through BSON with the engine's options, as the journal stores mutations. */
function viaBson(m: Mutation): Mutation {
  return deserialize(serialize(m), ENGINE_BSON_OPTIONS) as Mutation;
}

describe("replay", () => {
  it("rebuilds identical state by applying every mutation to a fresh engine", () => {
    const original = createEngine();
    const log = workload(original);
    expect(log.map((m) => m.op)).toEqual(expect.arrayContaining(["createCollection", "createIndex", "insert", "replace", "delete", "dropCollection", "dropDatabase", "dropIndex"]));
    const replayed = createEngine();
    for (const m of log) replayed.apply(viaBson(m));
    expect(state(replayed)).toEqual(state(original));
    const docs = (state(replayed)["app.users"] as { docs: Document[] }).docs;
    expect(docs.find((d) => d._id === 3)?.n).toBeInstanceOf(Long);
    expect(docs.find((d) => d._id === 10)?.d).toBeInstanceOf(Double);
  });

  it("rebuilds identical state from a snapshot", () => {
    const original = createEngine();
    workload(original);
    const restored = createEngine();
    for (const m of original.snapshot()) restored.apply(viaBson(m));
    expect(state(restored)).toEqual(state(original));
    // The unique index still holds after restore.
    expect(restored.runCommand("app", { insert: "users", documents: [{ phone: "p10" }] }).reply).toMatchObject({ writeErrors: [{ code: 11000 }] });
  });

  it("keeps wire-typed numbers through runCommand with the engine's BSON options", () => {
    const engine = createEngine();
    const oid = new ObjectId();
    const body = deserialize(serialize({ insert: "c", documents: [{ _id: oid, i: 1, d: new Double(3), f: 1.5, l: Long.fromNumber(2) }] }), ENGINE_BSON_OPTIONS);
    engine.runCommand("db", body);
    const find = deserialize(serialize({ find: "c", filter: { i: new Double(1), d: 3, l: 2 } }), ENGINE_BSON_OPTIONS);
    const reply = engine.runCommand("db", find).reply;
    const back = deserialize(serialize(reply), ENGINE_BSON_OPTIONS) as { cursor: { firstBatch: Document[] } };
    const [doc] = back.cursor.firstBatch;
    expect(doc?.i).toMatchObject({ _bsontype: "Int32", value: 1 });
    expect(doc?.d).toMatchObject({ _bsontype: "Double", value: 3 });
    expect(doc?.f).toMatchObject({ _bsontype: "Double", value: 1.5 });
    expect(doc?.l).toBeInstanceOf(Long);
  });
});
