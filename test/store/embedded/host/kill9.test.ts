import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { MongoClient } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedMongo } from "../../../../src/store/embedded/index.js";

const CHILD = fileURLToPath(new URL("./kill9-child.ts", import.meta.url));
const ACKS_BEFORE_KILL = 1500;
let dataDir: string | undefined;

afterEach(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** Runs the child until it has printed `count` acknowledged ids, then SIGKILLs it. */
async function writeThenKill(dir: string, count: number): Promise<number[]> {
  const child = spawn(process.execPath, ["--import", "tsx", CHILD, dir], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
  const acked: number[] = [];
  for await (const line of createInterface({ input: child.stdout })) {
    if (line === "ready") continue;
    acked.push(Number(line));
    if (acked.length === count) child.kill("SIGKILL");
  }
  expect(await exited).toBe("SIGKILL");
  return acked;
}

describe("durability under kill -9", () => {
  it("keeps every acknowledged write after the process is killed mid-stream", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "sampark-kill9-"));
    const acked = await writeThenKill(dataDir, ACKS_BEFORE_KILL);
    expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const logs: string[] = [];
    const mongo = await startEmbeddedMongo({ dataDir, log: (level, msg) => logs.push(`${level} ${msg}`) });
    const client = await new MongoClient(mongo.uri).connect();
    try {
      const ids = new Set((await client.db("kill9").collection<{ _id: number }>("acks").find({}, { projection: { _id: 1 } }).toArray()).map((d) => d._id));
      const lost = acked.filter((id) => !ids.has(id));
      expect(lost).toEqual([]);
      const indexes = await client.db("kill9").collection("acks").listIndexes().toArray();
      expect(indexes.map((i) => i.name)).toContain("body_1");
    } finally {
      await client.close();
      await mongo.stop();
    }
  }, 90_000);
});
