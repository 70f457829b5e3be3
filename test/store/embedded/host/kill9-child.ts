/**
 * Child process for kill9.test.ts: starts the embedded server (worker thread, journal on) on the
 * data dir given as argv[2], then inserts documents with 16 writes in flight and prints each id
 * once the server has acknowledged it. The parent SIGKILLs this process mid-stream.
 */
import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "../../../../src/store/embedded/index.js";

const dataDir = process.argv[2];
if (!dataDir) throw new Error("usage: kill9-child.ts <dataDir>");

const mongo = await startEmbeddedMongo({ dataDir, compactThresholdBytes: 64 * 1024 });
const client = await new MongoClient(mongo.uri, { maxPoolSize: 16 }).connect();
const acks = client.db("kill9").collection<{ _id: number; body: string }>("acks");
await acks.createIndex({ body: 1 });
process.stdout.write("ready\n");

let next = 0;
async function writer(): Promise<never> {
  for (;;) {
    const id = next++;
    await acks.insertOne({ _id: id, body: `payload-${id}-${"x".repeat(200)}` });
    process.stdout.write(`${id}\n`);
  }
}
await Promise.all(Array.from({ length: 16 }, writer));
