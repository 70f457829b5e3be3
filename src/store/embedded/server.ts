import { rm } from "node:fs/promises";
import { connect, createServer, type Server, type Socket } from "node:net";
import type { DeserializeOptions } from "bson";
import type { Document, Engine, Mutation } from "./contract.js";
import { silentLog, type Log } from "./log.js";
import { serveConnection } from "./wire/connection.js";

/** Where mutations go before a reply is sent: the journal, or nothing for an in-memory server. */
export interface Durability {
  commit(mutations: readonly Mutation[]): Promise<void>;
}

const IN_MEMORY: Durability = { commit: () => Promise.resolve() };

export interface ServerOptions {
  engine: Engine;
  /** BSON options for incoming bodies; the engine's ENGINE_BSON_OPTIONS. */
  bsonOptions: DeserializeOptions;
  durability?: Durability;
  host?: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /**
   * Also listen on this Unix domain socket (as mongod does on /tmp/mongodb-<port>.sock). A client
   * in the same machine skips the TCP loopback stack: every command costs one write either way, and
   * on a VM a loopback TCP write is the single largest cost of a small command.
   */
  socketPath?: string;
  log?: Log;
  now?: () => Date;
  /** How often expired TTL documents are removed. Default 1000 ms. */
  sweepIntervalMs?: number;
}

export interface EmbeddedServer {
  host: string;
  port: number;
  socketPath?: string;
  /** Stops listening, drops connections and waits for pending journal writes. */
  close(): Promise<void>;
}

/** A TCP server speaking the MongoDB wire protocol in front of an engine. */
export async function startServer(options: ServerOptions): Promise<EmbeddedServer> {
  const log = options.log ?? silentLog;
  const durability = options.durability ?? IN_MEMORY;
  const run = commandRunner(options.engine, durability, log);
  const sockets = new Set<Socket>();
  let requestId = 0;
  const accept = (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    serveConnection(socket, { bsonOptions: options.bsonOptions, run, log, nextRequestId: () => (requestId = (requestId + 1) | 0) });
  };
  const servers = [createServer(accept)];
  const host = options.host ?? "127.0.0.1";
  const port = await listen(servers[0] as Server, { port: options.port ?? 0, host }, log);
  if (options.socketPath) {
    const unix = createServer(accept);
    servers.push(unix);
    await removeStaleSocket(options.socketPath);
    await listen(unix, { path: options.socketPath }, log);
  }
  const sweeper = startSweeper(options, durability, log);
  return {
    host,
    port,
    ...(options.socketPath ? { socketPath: options.socketPath } : {}),
    async close() {
      clearInterval(sweeper);
      const closed = Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
      for (const socket of sockets) socket.destroy();
      await closed;
      await durability.commit([]);
    },
  };
}

function commandRunner(engine: Engine, durability: Durability, log: Log) {
  return async (db: string, command: Document): Promise<Document> => {
    let result;
    try {
      result = engine.runCommand(db, command);
    } catch (error) {
      // The contract says the engine never throws; if it does, fail the command, not the server.
      log("error", "embedded mongo: engine threw", { db, command: Object.keys(command)[0], error: (error as Error).message });
      return { ok: 0, errmsg: `internal error: ${(error as Error).message}`, code: 1, codeName: "InternalError" };
    }
    try {
      // Reads commit nothing but still wait, so no reply shows data that is not yet durable.
      await durability.commit(result.mutations);
    } catch (error) {
      log("error", "embedded mongo: journal write failed", { db, command: Object.keys(command)[0], error: (error as Error).message });
      return { ok: 0, errmsg: `journal write failed: ${(error as Error).message}`, code: 1, codeName: "InternalError" };
    }
    return result.reply;
  };
}

function startSweeper(options: ServerOptions, durability: Durability, log: Log): NodeJS.Timeout {
  const now = options.now ?? (() => new Date());
  const timer = setInterval(() => {
    try {
      const deletions = options.engine.sweepExpired(now());
      if (deletions.length > 0) {
        durability.commit(deletions).catch((error: Error) => log("error", "embedded mongo: TTL sweep not journaled", { error: error.message }));
      }
    } catch (error) {
      log("error", "embedded mongo: TTL sweep failed", { error: (error as Error).message });
    }
  }, options.sweepIntervalMs ?? 1000);
  timer.unref();
  return timer;
}

/** Listens; resolves with the bound TCP port (0 for a Unix socket). */
function listen(server: Server, at: { port: number; host: string } | { path: string }, log: Log): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(at, () => {
      server.off("error", reject);
      server.on("error", (error) => log("error", "embedded mongo: server error", { error: error.message }));
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

/**
 * A socket file left by a process that died is removed; one a live server answers on is not
 * (listening then fails with EADDRINUSE, as it should: the data directory lock says the same).
 */
async function removeStaleSocket(path: string): Promise<void> {
  const live = await new Promise<boolean>((resolve) => {
    const probe = connect(path, () => {
      probe.destroy();
      resolve(true);
    });
    probe.on("error", () => resolve(false));
  });
  if (!live) await rm(path, { force: true });
}
