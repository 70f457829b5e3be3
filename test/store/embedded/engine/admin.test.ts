import { Long } from "bson";
import { describe, expect, it } from "vitest";
import { ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";
import { harness } from "./helpers.js";

describe("handshake commands", () => {
  it("hello describes a writable standalone without compression", () => {
    const at = new Date("2025-01-02T03:04:05Z");
    const { run } = harness(() => at);
    const reply = run({ hello: 1, helloOk: true, client: { driver: { name: "nodejs" } }, compression: ["zlib"] }, "admin");
    expect(reply).toMatchObject({
      ok: 1,
      isWritablePrimary: true,
      helloOk: true,
      maxBsonObjectSize: 16777216,
      maxMessageSizeBytes: 48000000,
      maxWriteBatchSize: 100000,
      localTime: at,
      logicalSessionTimeoutMinutes: 30,
      minWireVersion: 0,
      maxWireVersion: 21,
      readOnly: false,
    });
    expect(typeof reply.connectionId).toBe("number");
    expect(reply).not.toHaveProperty("compression");
    expect(reply).not.toHaveProperty("setName");
    expect(run({ isMaster: 1 }, "admin")).toMatchObject({ ok: 1, ismaster: true });
    expect(run({ ismaster: 1 }, "admin")).toMatchObject({ ok: 1, ismaster: true });
  });

  it("answers ping, buildInfo, getParameter and endSessions", () => {
    const { run } = harness();
    expect(run({ ping: 1 })).toEqual({ ok: 1 });
    expect(run({ buildInfo: 1 })).toMatchObject({ ok: 1, version: "7.0.0", versionArray: [7, 0, 0, 0] });
    expect(run({ getParameter: 1, featureCompatibilityVersion: 1 })).toEqual({ ok: 1, featureCompatibilityVersion: { version: "7.0" } });
    expect(run({ endSessions: [{ id: 1 }] })).toEqual({ ok: 1 });
  });

  it("rejects unknown commands with CommandNotFound", () => {
    const { run } = harness();
    expect(run({ frobnicate: 1 })).toEqual({ ok: 0, code: 59, codeName: "CommandNotFound", errmsg: "no such command: 'frobnicate'" });
  });

  it("ignores the driver's generic fields", () => {
    const { run } = harness();
    const reply = run({ ping: 1, $db: "admin", lsid: { id: 1 }, $clusterTime: {}, apiVersion: "1", maxTimeMS: 5, comment: "x" });
    expect(reply).toEqual({ ok: 1 });
  });

  it("documents its BSON options: numeric wrappers are kept for the engine to normalise", () => {
    expect(ENGINE_BSON_OPTIONS).toMatchObject({ promoteValues: false, promoteLongs: false });
  });
});

describe("database and collection commands", () => {
  it("create fails with NamespaceExists the second time and records a mutation once", () => {
    const { engine } = harness();
    const first = engine.runCommand("app", { create: "users", validator: { a: 1 }, lsid: {} });
    expect(first.reply).toEqual({ ok: 1 });
    expect(first.mutations).toEqual([{ op: "createCollection", db: "app", coll: "users", options: { validator: { a: 1 } } }]);
    const second = engine.runCommand("app", { create: "users" });
    expect(second.reply).toMatchObject({ ok: 0, code: 48, codeName: "NamespaceExists" });
    expect(second.mutations).toEqual([]);
  });

  it("drop reports NamespaceNotFound for a missing collection", () => {
    const { run, engine } = harness();
    expect(run({ drop: "nope" })).toMatchObject({ ok: 0, code: 26, codeName: "NamespaceNotFound" });
    run({ insert: "c", documents: [{ a: 1 }] });
    const res = engine.runCommand("test", { drop: "c" });
    expect(res.reply).toMatchObject({ ok: 1, nIndexesWas: 1, ns: "test.c" });
    expect(res.mutations).toEqual([{ op: "dropCollection", db: "test", coll: "c" }]);
    expect(run({ count: "c" })).toEqual({ n: 0, ok: 1 });
  });

  it("lists collections with filter and nameOnly in cursor form", () => {
    const { run } = harness();
    run({ create: "a" });
    run({ create: "b" });
    const all = run({ listCollections: 1, cursor: {} });
    const cursor = all.cursor as { id: Long; ns: string; firstBatch: { name: string; type: string }[] };
    expect(cursor.id).toBeInstanceOf(Long);
    expect(cursor.id.isZero()).toBe(true);
    expect(cursor.ns).toBe("test.$cmd.listCollections");
    expect(cursor.firstBatch.map((c) => c.name).sort()).toEqual(["a", "b"]);
    expect(cursor.firstBatch[0]).toMatchObject({ type: "collection", options: {}, info: { readOnly: false }, idIndex: { name: "_id_" } });
    const filtered = run({ listCollections: 1, filter: { name: "b" }, nameOnly: true });
    expect((filtered.cursor as { firstBatch: unknown[] }).firstBatch).toEqual([{ name: "b", type: "collection" }]);
  });

  it("lists databases and drops one", () => {
    const { run, engine } = harness();
    run({ insert: "c", documents: [{ a: 1 }] }, "one");
    run({ insert: "c", documents: [{ a: 1 }] }, "two");
    const names = (run({ listDatabases: 1, nameOnly: true }, "admin").databases as { name: string }[]).map((d) => d.name);
    expect(names.sort()).toEqual(["one", "two"]);
    const dropped = engine.runCommand("one", { dropDatabase: 1 });
    expect(dropped.reply).toEqual({ dropped: "one", ok: 1 });
    expect(dropped.mutations).toEqual([{ op: "dropDatabase", db: "one" }]);
    expect((run({ listDatabases: 1 }, "admin").databases as { name: string }[]).map((d) => d.name)).toEqual(["two"]);
  });
});
