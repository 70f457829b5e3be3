/**
 * Runs the embedded server in a worker thread so its CPU work (BSON, queries) stays off the app's
 * event loop. Talks to `index.ts` with the messages below.
 */
import { parentPort, workerData } from "node:worker_threads";
import { createEngine, ENGINE_BSON_OPTIONS } from "./engine/index.js";
import { Journal } from "./journal/journal.js";
import type { Log } from "./log.js";
import { startServer, type EmbeddedServer } from "./server.js";

export interface WorkerConfig {
  dataDir: string;
  host: string;
  port: number;
  socketPath?: string;
  inMemory: boolean;
  compactThresholdBytes?: number;
}

export type FromWorker =
  | { type: "listening"; port: number }
  | { type: "failed"; message: string }
  | { type: "stopped" }
  | { type: "log"; level: Parameters<Log>[0]; msg: string; fields?: Record<string, unknown> };

export type ToWorker = { type: "stop" };

const port = parentPort;
if (!port) throw new Error("embedded mongo: worker.ts must run in a worker thread");
const send = (message: FromWorker): void => port.postMessage(message);
const log: Log = (level, msg, fields) => send({ type: "log", level, msg, fields });

async function start(config: WorkerConfig): Promise<{ server: EmbeddedServer; journal?: Journal }> {
  const engine = createEngine();
  const journal = config.inMemory
    ? undefined
    : await Journal.open({
        dir: config.dataDir,
        engine,
        bsonOptions: ENGINE_BSON_OPTIONS,
        log,
        compactThresholdBytes: config.compactThresholdBytes,
      });
  try {
    const server = await startServer({
      engine, bsonOptions: ENGINE_BSON_OPTIONS, durability: journal, host: config.host, port: config.port, log,
      ...(config.socketPath ? { socketPath: config.socketPath } : {}),
    });
    return { server, journal };
  } catch (error) {
    await journal?.close();
    throw error;
  }
}

try {
  const { server, journal } = await start(workerData as WorkerConfig);
  port.on("message", (message: ToWorker) => {
    if (message.type !== "stop") return;
    void (async () => {
      await server.close();
      await journal?.close();
      send({ type: "stopped" });
    })().catch((error: Error) => send({ type: "failed", message: error.message }));
  });
  send({ type: "listening", port: server.port });
} catch (error) {
  send({ type: "failed", message: (error as Error).message });
}
