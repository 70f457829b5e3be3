/**
 * Public API of the embedded MongoDB-wire-compatible server: start it in a worker thread, get a
 * `mongodb://` URI for mongoose or the driver, stop it. See README.md.
 */
import { Worker } from "node:worker_threads";
import type { Log } from "./log.js";
import type { FromWorker, ToWorker, WorkerConfig } from "./worker.js";

export type { Log, LogLevel } from "./log.js";

export interface EmbeddedMongoOptions {
  /** Holds the journal and snapshot; created if missing. Ignored when `inMemory`. */
  dataDir: string;
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /**
   * Also serve on this Unix domain socket; `socketUri` then reaches it. Same-machine clients
   * should prefer it: it skips the TCP loopback stack (see server.ts).
   */
  socketPath?: string;
  /** Skips the journal: nothing survives `stop()`. For fast tests. */
  inMemory?: boolean;
  log?: Log;
  /** Journal size that triggers compaction into a snapshot. Default 64 MiB. */
  compactThresholdBytes?: number;
}

export interface EmbeddedMongo {
  /** `mongodb://host:port` with no path or query, so callers can append `/<dbName>`. */
  uri: string;
  /** `mongodb://<percent-encoded socket path>` when `socketPath` was given; append `/<dbName>` likewise. */
  socketUri?: string;
  port: number;
  /** Compacts the journal, closes the server and ends the worker. Safe to call twice. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 60_000;

export async function startEmbeddedMongo(options: EmbeddedMongoOptions): Promise<EmbeddedMongo> {
  const log = options.log ?? (() => {});
  const host = options.host ?? "127.0.0.1";
  const config: WorkerConfig = {
    dataDir: options.dataDir,
    host,
    port: options.port ?? 0,
    ...(options.socketPath ? { socketPath: options.socketPath } : {}),
    inMemory: options.inMemory ?? false,
    compactThresholdBytes: options.compactThresholdBytes,
  };
  const worker = new Worker(new URL("./worker-bootstrap.mjs", import.meta.url), { workerData: config });
  worker.on("message", (message: FromWorker) => {
    if (message.type === "log") log(message.level, message.msg, message.fields ?? {});
  });
  const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
  const port = await waitForListening(worker).catch(async (error: Error) => {
    await worker.terminate();
    throw error;
  });
  let stopping: Promise<void> | undefined;
  watchForCrash(worker, log, () => stopping !== undefined);
  return {
    uri: `mongodb://${host}:${port}`,
    ...(options.socketPath ? { socketUri: `mongodb://${encodeURIComponent(options.socketPath)}` } : {}),
    port,
    stop: () => (stopping ??= stopWorker(worker, exited, log)),
  };
}

function waitForListening(worker: Worker): Promise<number> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: FromWorker): void => {
      if (message.type === "listening") done(() => resolve(message.port));
      if (message.type === "failed") done(() => reject(new Error(message.message)));
    };
    const onError = (error: Error): void => done(() => reject(error));
    const onExit = (code: number): void => done(() => reject(new Error(`embedded mongo worker exited with code ${code}`)));
    const done = (settle: () => void): void => {
      worker.off("message", onMessage).off("error", onError).off("exit", onExit);
      settle();
    };
    worker.on("message", onMessage).on("error", onError).on("exit", onExit);
  });
}

/** After start, the worker only ends through stop(); anything else is worth an error line. */
function watchForCrash(worker: Worker, log: Log, stopping: () => boolean): void {
  worker.on("error", (error) => log("error", "embedded mongo: worker crashed", { error: error.message }));
  worker.on("exit", (code) => {
    if (!stopping()) log("error", "embedded mongo: worker exited unexpectedly", { code });
  });
}

async function stopWorker(worker: Worker, exited: Promise<void>, log: Log): Promise<void> {
  const stopped = new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      log("error", "embedded mongo: worker did not stop in time; terminating it", { timeoutMs: STOP_TIMEOUT_MS });
      resolve();
    }, STOP_TIMEOUT_MS);
    const finish = (): void => {
      clearTimeout(timer);
      resolve();
    };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "stopped") finish();
      if (message.type === "failed") {
        log("error", "embedded mongo: clean stop failed", { error: message.message });
        finish();
      }
    });
    void exited.then(finish);
  });
  worker.postMessage({ type: "stop" } satisfies ToWorker);
  await stopped;
  await worker.terminate();
}
