/**
 * `npm run bench:engine`: messages/s and p50/p99 latency through the runtime + engine + embedded
 * store (worker thread, journal on) for a 6-step dialog, 1,000 contacts talking at once.
 * Usage: tsx bench/engine.ts [contacts=1000]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, cpus } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { pino } from "pino";
import { embeddedSocketPath } from "../src/store/connection.js";
import { startEmbeddedMongo } from "../src/store/embedded/index.js";
import { assembleSampark } from "../src/assemble.js";
import { loadFlowSet } from "../src/engine/index.js";
import { createTranslator } from "../src/i18n/index.js";

const CONTACTS = Number(process.argv[2] ?? 1000);
const ANSWERS = ["hello", "Asha Devi", "34", "9876543210", "1", "haan"];
const strings = {
  s: { name: "Name?", age: "Age?", mobile: "Mobile?", district: "District?", lko: "Lucknow", knp: "Kanpur", camp: "Camp?", done: "Thanks {{name}}" },
  engine: { restarted: "r", gave_up: "g", failed: "f", not_allowed: "n", cancelled: "c", cannot_go_back: "b", more: "m", yes: "y", no: "n" },
};

const dataDir = await mkdtemp(path.join(tmpdir(), "sampark-bench-engine-"));
const socketPath = embeddedSocketPath(dataDir); // connect as the app does (src/store/connection.ts)
const store = await startEmbeddedMongo({ dataDir, ...(socketPath ? { socketPath } : {}) });
const connection = await mongoose.createConnection(`${store.socketUri ?? store.uri}/bench`, { maxPoolSize: 64 }).asPromise();
const flows = loadFlowSet(path.join(import.meta.dirname, "flows"));
if (!flows.ok) throw new Error(JSON.stringify(flows.errors));
const sampark = await assembleSampark({
  connection,
  flows: flows.flows,
  translate: createTranslator({ resources: { hi: strings, en: strings } }),
  log: pino({ level: "warn" }),
  quietHours: { start: "00:00", end: "00:00", timezone: "Asia/Kolkata" },
  webSimulator: false,
  storeReady: async () => true,
});

const latencies: number[] = [];
async function converse(contact: number): Promise<void> {
  for (const [i, text] of ANSWERS.entries()) {
    const started = performance.now();
    await sampark.runtime.receive({ channel: "web", eventId: `${contact}-${i}`, contactKey: `web:bench-${contact}`, kind: "text", text });
    latencies.push(performance.now() - started);
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: CONTACTS }, (_, c) => converse(c)));
const seconds = (performance.now() - started) / 1000;

const completed = await sampark.models.outbox.countDocuments({ "payload.text": { $regex: "^Thanks" } });
latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
console.log(`bench:engine — ${CONTACTS} contacts × ${ANSWERS.length} messages, 6-step dialog, embedded store with journal`);
console.log(`machine: ${cpus().length} cores, node ${process.version}, ${new Date().toISOString()}`);
console.log(`messages:        ${latencies.length} in ${seconds.toFixed(2)} s = ${(latencies.length / seconds).toFixed(0)} messages/s`);
console.log(`latency (ms):    p50 ${pct(50)}  p90 ${pct(90)}  p99 ${pct(99)}  max ${latencies.at(-1)!.toFixed(1)}`);
console.log(`dialogs completed: ${completed} of ${CONTACTS}`);

await connection.close();
await store.stop();
await rm(dataDir, { recursive: true, force: true });
if (completed !== CONTACTS) process.exit(1);
