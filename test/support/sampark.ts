/**
 * Starts the real Sampark wiring (real engine, shipped flows and locales, runtime, HTTP app) on a
 * fresh embedded store for one test file. Nothing is faked.
 */
import path from "node:path";
import mongoose, { type Connection } from "mongoose";
import { startEmbeddedMongo } from "../../src/store/embedded/index.js";
import { assembleSampark, type Sampark } from "../../src/assemble.js";
import type { ChannelSettings } from "../../src/channels/start-channels.js";
import type { AdminToken } from "../../src/domain/access/index.js";
import { loadFlowSet } from "../../src/engine/index.js";
import type { FlowSet } from "../../src/engine/types.js";
import { createTranslator } from "../../src/i18n/index.js";
import { listen, type RunningServer } from "../../src/http/serve.js";
import { captureLogger, type CapturedLogger } from "./logger.js";

export const ROOT = path.resolve(import.meta.dirname, "../..");

export interface TestSampark extends Sampark {
  connection: Connection;
  logs: CapturedLogger;
  /** Listens on an ephemeral loopback port; closed by `stop`. */
  serve(): Promise<string>;
  stop(): Promise<void>;
}

export interface TestSamparkOptions {
  now?: () => Date;
  flows?: FlowSet;
  flowsDir?: string;
  /** Reuse an already running store (two runtimes on one store). */
  uri?: string;
  /** Messaging channels to start (against fakes). */
  channels?: ChannelSettings;
  /** Admin tokens (the admin API and the operators' pages). */
  adminTokens?: readonly AdminToken[];
  /** Locale resources instead of the shipped `locales/`. */
  resources?: Parameters<typeof createTranslator>[0] extends infer O ? (O extends { resources?: infer R } ? R : never) : never;
}

export function loadShippedFlows(dir = path.join(ROOT, "flows")): FlowSet {
  const loaded = loadFlowSet(dir);
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => `${e.file}:${e.line}: ${e.message}`).join("\n"));
  return loaded.flows;
}

export async function startEmbeddedForTest(): Promise<{ uri: string; stop(): Promise<void> }> {
  return startEmbeddedMongo({ dataDir: "", inMemory: true });
}

export async function startTestSampark(options: TestSamparkOptions = {}): Promise<TestSampark> {
  const embedded = options.uri ? null : await startEmbeddedForTest();
  const uri = options.uri ?? `${embedded?.uri}/sampark-test`;
  const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
  const logs = captureLogger("warn");
  const translate = createTranslator(options.resources ? { resources: options.resources } : {});
  const sampark = await assembleSampark({
    connection,
    flows: options.flows ?? loadShippedFlows(options.flowsDir),
    translate,
    log: logs.log,
    quietHours: { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" },
    webSimulator: true,
    ...(options.now ? { now: options.now } : {}),
    ...(options.channels ? { channels: options.channels } : {}),
    ...(options.adminTokens ? { adminTokens: options.adminTokens } : {}),
    storeReady: async () => connection.readyState === 1,
  });
  let server: RunningServer | null = null;
  return {
    ...sampark,
    connection,
    logs,
    async serve() {
      server ??= await listen(sampark.app, 0, "127.0.0.1");
      return `http://127.0.0.1:${server.port}`;
    },
    async stop() {
      await server?.close(500);
      await sampark.stopChannels();
      await sampark.runtime.idle();
      await connection.close();
      await embedded?.stop();
    },
  };
}
