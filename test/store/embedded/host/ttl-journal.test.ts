import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import type { Document } from "../../../../src/store/embedded/contract.js";
import { createEngine, ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";
import { Journal } from "../../../../src/store/embedded/journal/journal.js";
import { startServer } from "../../../../src/store/embedded/server.js";

let dir: string | undefined;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("TTL sweeper", () => {
  it("journals its deletions, so expired documents stay deleted after a crash", async () => {
    dir = await mkdtemp(join(tmpdir(), "sampark-ttl-"));
    const engine = createEngine();
    const live = await Journal.open({ dir, engine, bsonOptions: ENGINE_BSON_OPTIONS, log: () => {} });
    const server = await startServer({ engine, bsonOptions: ENGINE_BSON_OPTIONS, durability: live, sweepIntervalMs: 50 });
    cleanups.push(() => server.close());
    const client = await new MongoClient(`mongodb://127.0.0.1:${server.port}`).connect();
    cleanups.push(() => client.close());
    const sessions = client.db("app").collection<{ _id: number; at: Date }>("sessions");
    await sessions.createIndex({ at: 1 }, { expireAfterSeconds: 0 });
    await sessions.insertMany([{ _id: 1, at: new Date(Date.now() - 1000) }, { _id: 2, at: new Date(Date.now() + 3_600_000) }]);
    await expect.poll(() => sessions.countDocuments(), { timeout: 5_000 }).toBe(1);
    await client.close();
    await server.close();
    // Crash: no compaction, so the deletion can only come from the journal. Drop the dead lock.
    await rm(join(dir, "LOCK"));

    const replayed = createEngine();
    const reopened = await Journal.open({ dir, engine: replayed, bsonOptions: ENGINE_BSON_OPTIONS, log: () => {} });
    cleanups.push(() => reopened.close());
    const { reply } = replayed.runCommand("app", { find: "sessions", filter: {}, $db: "app" });
    expect((reply.cursor as { firstBatch: Document[] }).firstBatch.map((d) => Number(d._id))).toEqual([2]);
  });
});
