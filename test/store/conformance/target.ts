import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MongoClient, type Db } from "mongodb";
import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo } from "../../../src/store/embedded/index.js";

/**
 * The server the conformance suite runs against: a real MongoDB when MONGODB_TEST_URI is set,
 * otherwise a freshly started embedded server (journal on, in a temp dir). The expectations in
 * the suite are the same for both.
 */
export const REAL_MONGO_URI = process.env.MONGODB_TEST_URI;
export const againstRealMongo = REAL_MONGO_URI !== undefined && REAL_MONGO_URI !== "";

export interface Target {
  client: MongoClient;
  db: Db;
  conn: Connection;
  close(): Promise<void>;
}

/** Connects the driver and mongoose to database `dbName` (one per test file so runs don't collide). */
export async function openTarget(dbName: string): Promise<Target> {
  const server = await startServer();
  const client = await new MongoClient(server.uri, { serverSelectionTimeoutMS: 5_000 }).connect();
  const db = client.db(dbName);
  await db.dropDatabase();
  const conn = await mongoose.createConnection(server.uri, { dbName, serverSelectionTimeoutMS: 5_000 }).asPromise();
  return {
    client,
    db,
    conn,
    async close() {
      await db.dropDatabase().catch(() => {});
      await conn.close();
      await client.close();
      await server.stop();
    },
  };
}

async function startServer(): Promise<{ uri: string; stop(): Promise<void> }> {
  if (againstRealMongo) return { uri: REAL_MONGO_URI as string, stop: async () => {} };
  const dataDir = await mkdtemp(join(tmpdir(), "sampark-conformance-"));
  const embedded = await startEmbeddedMongo({ dataDir }).catch(async (error: unknown) => {
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  });
  return {
    uri: embedded.uri,
    async stop() {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
