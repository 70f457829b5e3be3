/**
 * `npm run bench:broadcast`: one broadcast to N Telegram contacts, end to end. Fans N rows into
 * the outbox (bulk, deterministic ids), drains them with the real sender + grammY adapter (in a
 * child process) against the fake Bot API (in another) that enforces the configured global rate,
 * and reports fan-out time, achieved/configured rate, peak RSS and rows per state. Then a crash
 * run: the sender is `kill -9`ed midway and restarted; lost recipients (must be 0) and duplicate
 * messages (must be <= the sender's in-flight window) are counted from the fake's record.
 * Embedded store in this process's worker thread, journal on (fsync before every acknowledgement).
 * Usage: tsx bench/broadcast.ts [recipients=100000] [ratePerSecond=1000] [--no-crash]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { fanOutBroadcast, type BroadcastRecipient } from "../src/jobs/sender/broadcast-fan-out.js";
import { outboxCounts } from "../src/jobs/sender/outbox-rows.js";
import { telegramPolicyUnder } from "../src/jobs/sender/policy.js";
import { inFlightWindow } from "../src/jobs/sender/sender.js";
import { embeddedSocketPath } from "../src/store/connection.js";
import { startEmbeddedMongo } from "../src/store/embedded/index.js";
import { runtimeModels, type RuntimeModels } from "../src/store/models/runtime-models.js";
import { cpuSeconds, startFake, startSender, type Fake, type SenderChildConfig } from "./broadcast-child.js";

const N = Number(process.argv[2] ?? 100_000);
const RATE = Number(process.argv[3] ?? 1000);
const CRASH = !process.argv.includes("--no-crash");
const FIRST_CHAT = 1_000_000;
const SENDER = { batchSize: Math.max(200, RATE), maxInFlight: Number(process.env.BENCH_IN_FLIGHT ?? 64), rowLeaseMs: 10_000, identityLeaseMs: 5_000 };
const policy = telegramPolicyUnder(RATE);
const window = inFlightWindow({ maxInFlight: SENDER.maxInFlight });

const dataDir = await mkdtemp(path.join(tmpdir(), "sampark-bench-broadcast-"));
const socketPath = embeddedSocketPath(dataDir); // connect as the app does (src/store/connection.ts)
const mongo = await startEmbeddedMongo({ dataDir, ...(socketPath ? { socketPath } : {}) });
const connection = await mongoose.createConnection(`${mongo.socketUri ?? mongo.uri}/bench-broadcast`).asPromise();
const models = runtimeModels(connection);
await Promise.all(Object.values(models).map((m) => m.init()));
const secs = (ms: number) => (ms / 1000).toFixed(1);
console.log(`bench:broadcast  N=${N}  configured ${RATE}/s (sender paces ${policy.pace.perSecond}/s, burst ${policy.pace.burst})  ` +
  `in-flight window ${window}  ${cpus().length} CPUs, load ${loadavg()[0]?.toFixed(2)}, Node ${process.version}, ${new Date().toISOString()}`);

function* recipients(): Generator<BroadcastRecipient> {
  for (let i = 0; i < N; i++) yield { contactKey: `telegram:${FIRST_CHAT + i}`, recipient: String(FIRST_CHAT + i) };
}

let t = Date.now();
await seedContacts(models);
console.log(`contacts seeded: ${N} in ${secs(Date.now() - t)} s`);

async function fanOut(broadcastId: string): Promise<void> {
  const started = Date.now();
  const notBefore = new Date();
  const first = await fanOutBroadcast(models, { broadcastId, channel: "telegram", payload: { text: `सूचना ${broadcastId}: कल प्रशिक्षण शिविर` }, notBefore, now: notBefore }, recipients());
  const took = Date.now() - started;
  const again = await fanOutBroadcast(models, { broadcastId, channel: "telegram", payload: {}, notBefore, now: notBefore }, recipients());
  console.log(`fan-out ${broadcastId}: ${first.inserted} rows in ${secs(took)} s (${Math.round(first.inserted / (took / 1000))} rows/s); ` +
    `re-run inserted ${again.inserted}, found ${again.existing} existing`);
}

function senderConfig(fake: Fake, owner: string): SenderChildConfig {
  return { mongoUri: mongo.socketUri ?? mongo.uri, apiRoot: fake.url, token: fake.token, owner, policy, ...SENDER };
}

/** Waits until every row of the run is in a terminal state. */
async function drained(): Promise<void> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 1000));
    const open = await models.outbox.countDocuments({ channel: "telegram", state: { $in: ["queued", "leased"] } });
    if (open === 0) return;
  }
}

// Run 1: a clean drain.
let fake = await startFake(RATE);
await fanOut("run1");
t = Date.now();
let sender = await startSender(senderConfig(fake, "bench-sender-1"));
await drained();
const wall = Date.now() - t;
let stats = await fake.stats(FIRST_CHAT, N);
const senderEnd = await sender.stop();
const steady = stats.delivered / ((stats.lastAt - stats.firstAt) / 1000);
console.log(`drain: ${stats.delivered} delivered in ${secs(wall)} s wall → ${Math.round(stats.delivered / (wall / 1000))}/s incl. start-up; ` +
  `first→last send ${secs(stats.lastAt - stats.firstAt)} s → achieved ${Math.round(steady)}/s = ${((100 * steady) / RATE).toFixed(1)} % of configured ${RATE}/s`);
console.log(`  429s from the fake: ${stats.refused429}; reached ${stats.reached}/${N}; duplicates ${stats.duplicates}`);
console.log(`  rows per state: ${JSON.stringify(await outboxCounts(models, "telegram"))}`);
console.log(`  peak RSS: sender ${senderEnd.maxRssMb} MB, fake ${fake.maxRssMb()} MB, store+bench ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
console.log(`  CPU seconds: sender ${senderEnd.cpu}, fake ${fake.cpuSeconds()}, store+bench (incl. fan-out) ${cpuSeconds()}`);
await fake.stop();

if (CRASH) {
  await models.outbox.deleteMany({});
  fake = await startFake(RATE);
  await fanOut("crash");
  sender = await startSender(senderConfig(fake, "bench-sender-crashing"));
  do stats = await fake.stats(FIRST_CHAT, N);
  while (stats.delivered < N / 2 && (await new Promise((r) => setTimeout(r, 200)), true));
  sender.kill();
  const killedAt = Date.now();
  const inFlight = await models.outbox.countDocuments({ state: "leased", sendingAt: { $ne: null } });
  console.log(`crash: kill -9 after ${stats.delivered} delivered; rows caught mid-send in the store: ${inFlight}`);
  sender = await startSender(senderConfig(fake, "bench-sender-restarted"));
  await drained();
  const after = await fake.stats(FIRST_CHAT, N);
  await sender.stop();
  console.log(`  restarted sender drained the rest in ${secs(Date.now() - killedAt)} s (leases of the dead sender lapse after ${SENDER.identityLeaseMs / 1000}/${SENDER.rowLeaseMs / 1000} s)`);
  console.log(`  lost: ${N - after.reached} (must be 0); duplicates: ${after.duplicates} (must be <= in-flight window ${window}); 429s: ${after.refused429}`);
  console.log(`  rows per state: ${JSON.stringify(await outboxCounts(models, "telegram"))}`);
  await fake.stop();
}

await connection.close();
await mongo.stop();
await rm(dataDir, { recursive: true, force: true });

async function seedContacts(m: RuntimeModels): Promise<void> {
  const now = new Date();
  let batch: object[] = [];
  for (const r of recipients()) {
    batch.push({ _id: r.contactKey, channel: "telegram", address: r.recipient, roles: [], optedOut: false, blocked: false, blockedChangedAt: null, createdAt: now, lastSeenAt: now });
    if (batch.length === 1000) await m.contacts.collection.insertMany(batch as never[], { ordered: false }).catch(() => undefined);
    if (batch.length === 1000) batch = [];
  }
  if (batch.length > 0) await m.contacts.collection.insertMany(batch as never[], { ordered: false }).catch(() => undefined);
}
