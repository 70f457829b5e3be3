/**
 * Decides which MongoDB Sampark talks to: `MONGODB_URI` when set, otherwise the embedded
 * MongoDB-wire-compatible server on `DATA_DIR` (for trials, development and tests only).
 */
import { join, resolve } from "node:path";
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
  const socketPath = embeddedSocketPath(dataDir);
  const embedded = await startEmbeddedMongo({
    dataDir,
    ...(socketPath ? { socketPath } : {}),
    log: (level, msg, fields) => log[level]({ component: "embedded-mongo", ...fields }, msg),
  });
  log.warn(
    { store: "embedded", dataDir, uri: embedded.uri },
    "store: using the EMBEDDED MongoDB-compatible server in DATA_DIR — for trials, development and tests, not production (set MONGODB_URI)",
  );
  return connect("embedded", `${embedded.socketUri ?? embedded.uri}/sampark`, () => embedded.stop());
}

/** Longest Unix socket path every platform accepts (sun_path is 104 bytes on macOS, 108 on Linux). */
const MAX_SOCKET_PATH_BYTES = 100;

/**
 * The app reaches its embedded server over a Unix socket in DATA_DIR (cheaper per command than
 * loopback TCP), or over TCP where there are no Unix sockets or the path would be too long.
 */
export function embeddedSocketPath(dataDir: string): string | undefined {
  const path = join(resolve(dataDir), "mongod.sock");
  return process.platform !== "win32" && Buffer.byteLength(path) <= MAX_SOCKET_PATH_BYTES ? path : undefined;
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
