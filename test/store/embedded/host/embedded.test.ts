import { mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import mongoose, { Schema } from "mongoose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../../../src/store/embedded/index.js";

let dataDir: string;
const running: EmbeddedMongo[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sampark-embedded-"));
});
afterEach(async () => {
  for (const mongo of running.splice(0)) await mongo.stop();
  await rm(dataDir, { recursive: true, force: true });
});

async function start(options: { inMemory?: boolean; socketPath?: string; log?: (level: string, msg: string) => void } = {}): Promise<EmbeddedMongo> {
  const mongo = await startEmbeddedMongo({ dataDir, ...options });
  running.push(mongo);
  return mongo;
}

async function withMongoose<T>(uri: string, work: (conn: mongoose.Connection) => Promise<T>): Promise<T> {
  const conn = await mongoose.createConnection(`${uri}/app`).asPromise();
  try {
    return await work(conn);
  } finally {
    await conn.close();
  }
}

const noteSchema = new Schema({ text: String, n: Number });

describe("startEmbeddedMongo (worker thread)", () => {
  it("serves mongoose, and what was written survives stop and restart", async () => {
    const lines: string[] = [];
    const first = await start({ log: (level, msg) => lines.push(`${level} ${msg}`) });
    expect(first.uri).toBe(`mongodb://127.0.0.1:${first.port}`);
    await withMongoose(first.uri, async (conn) => {
      await conn.model("Note", noteSchema).create([{ text: "a", n: 1 }, { text: "b", n: 2 }]);
    });
    await first.stop();
    await first.stop(); // idempotent
    running.splice(0);
    const files = await readdir(dataDir);
    expect(files).toContain("snapshot.bson");
    expect(files).not.toContain("LOCK");
    expect(lines.some((l) => l.startsWith("info embedded mongo: data directory loaded"))).toBe(true);

    const second = await start();
    const texts = await withMongoose(second.uri, (conn) => conn.model("Note", noteSchema).find().sort({ n: 1 }).lean());
    expect(texts.map((t) => t.text)).toEqual(["a", "b"]);
  });

  it("commits one command carrying 100,000 mutations and keeps them across a restart", async () => {
    const first = await start();
    const docs = Array.from({ length: 100_000 }, (_, i) => ({ _id: i }));
    await withMongoose(first.uri, (conn) => conn.db!.collection<{ _id: number }>("bulk").insertMany(docs));
    await first.stop();
    running.splice(0);
    const second = await start();
    const count = await withMongoose(second.uri, (conn) => conn.db!.collection("bulk").countDocuments());
    expect(count).toBe(100_000);
  }, 60_000);

  it("serves the same data on a Unix socket beside TCP, replacing a stale socket file", async () => {
    const socketPath = join(dataDir, "mongod.sock");
    await writeFile(socketPath, ""); // left behind by a process that died
    const mongo = await start({ socketPath });
    expect(mongo.socketUri).toBe(`mongodb://${encodeURIComponent(socketPath)}`);
    await withMongoose(mongo.socketUri as string, (conn) => conn.model("Note", noteSchema).create({ text: "over the socket", n: 1 }));
    const overTcp = await withMongoose(mongo.uri, (conn) => conn.model("Note", noteSchema).findOne({ n: 1 }).lean());
    expect(overTcp?.text).toBe("over the socket");
    await mongo.stop();
    running.splice(0);
    await expect(stat(socketPath)).rejects.toThrow(/ENOENT/); // closing the server removes it
  });

  it("refuses a second server on a data dir that is in use", async () => {
    await start();
    await expect(startEmbeddedMongo({ dataDir })).rejects.toThrow(/locked by running process/);
  });

  it("keeps nothing on disk when inMemory", async () => {
    const mongo = await start({ inMemory: true });
    await withMongoose(mongo.uri, (conn) => conn.model("Note", noteSchema).create({ text: "gone" }));
    await mongo.stop();
    running.splice(0);
    expect(await readdir(dataDir)).toEqual([]);
  });
});
