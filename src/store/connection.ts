/**
 * Decides which MongoDB Sampark talks to: `MONGODB_URI` when set, otherwise the embedded
 * MongoDB-wire-compatible server on `DATA_DIR` (for trials, development and tests only).
 */
import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo } from "./embedded/index.js";
import type { Logger } from "../log.js";

export interface StoreHandle {
  readonly kind: "external" | "embedded";
  readonly connection: Connection;
  /** True when the database answers a ping within the timeout. */
  ping(timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface StoreOptions {
  mongodbUri: string | undefined;
  dataDir: string;
  log: Logger;
}

/** Connects to the configured MongoDB, starting the embedded server first when none is configured. */
export async function openStore(options: StoreOptions): Promise<StoreHandle> {
  const { mongodbUri, dataDir, log } = options;
  if (mongodbUri) {
    log.info({ store: "external" }, "store: using MongoDB from MONGODB_URI");
    return connect("external", mongodbUri, async () => {});
  }
  const embedded = await startEmbeddedMongo({
    dataDir,
    log: (level, msg, fields) => log[level]({ component: "embedded-mongo", ...fields }, msg),
  });
  log.warn(
    { store: "embedded", dataDir, uri: embedded.uri },
    "store: using the EMBEDDED MongoDB-compatible server in DATA_DIR — for trials, development and tests, not production (set MONGODB_URI)",
  );
  return connect("embedded", `${embedded.uri}/sampark`, () => embedded.stop());
}

async function connect(kind: StoreHandle["kind"], uri: string, stopServer: () => Promise<void>): Promise<StoreHandle> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 });
  try {
    await connection.asPromise();
  } catch (error) {
    await stopServer();
    throw error;
  }
  return {
    kind,
    connection,
    ping: (timeoutMs = 2_000) => pingWithin(connection, timeoutMs),
    async close() {
      await connection.close();
      await stopServer();
    },
  };
}

async function pingWithin(connection: Connection, timeoutMs: number): Promise<boolean> {
  const db = connection.db;
  if (!db || connection.readyState !== 1) return false;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const ping = db
    .command({ ping: 1 })
    .then((r) => r["ok"] === 1)
    .catch(() => false);
  try {
    return await Promise.race([ping, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
