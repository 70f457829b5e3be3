/**
 * `npm run bench:enrol`: complete enrolments through the runtime, as people type them — the
 * answers of test/transcripts/enrol-02-happy-en.yaml (language, consent, name, age, gender, phone,
 * EPIC, booth search, address and photo skipped, religion given, caste skipped, confirm, card), with a different
 * name, phone, EPIC and demo booth per person. Embedded store in its worker thread, journal on.
 * Usage: tsx bench/enrol.ts [people=10000] [concurrency=100]
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir, cpus, loadavg } from "node:os";
import path from "node:path";
import mongoose from "mongoose";
import { pino } from "pino";
import { startEmbeddedMongo } from "../src/store/embedded/index.js";
import { assembleSampark } from "../src/assemble.js";
import { loadFlowSet } from "../src/engine/index.js";
import { createTranslator } from "../src/i18n/index.js";

const PEOPLE = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.argv[3] ?? 100);
/** The demo geography: Lucknow's nine ACs (168–176), 12 synthetic booths each. */
const ACS = [168, 169, 170, 171, 172, 173, 174, 175, 176];
const BOOTHS_PER_AC = 12;

/** What person `i` types, in order; unique name, phone and EPIC so no one is a duplicate. */
function answers(i: number): string[] {
  const ac = ACS[i % ACS.length]!;
  const part = (Math.floor(i / ACS.length) % BOOTHS_PER_AC) + 1;
  return [
    "hello", "english", "join", "yes",
    `Bench ${letters(i)} Sharma`, String(20 + (i % 60)), "1", String(9_000_000_000 + i), epic(i),
    String(ac), "1", String(part), "1",
    "skip", "skip", "yes", "Sikh", "skip", "yes",
  ];
}

/** 0 → "Aaaa": names must be letters only (the person_name validator). */
function letters(i: number): string {
  let s = "";
  for (let n = i, k = 0; k < 4; k++, n = Math.floor(n / 26)) s += String.fromCharCode(97 + (n % 26));
  return s[0]!.toUpperCase() + s.slice(1);
}

/** `BEN` + 6 digits of `i` + a Luhn check digit, so no check-digit warning changes the dialog. */
function epic(i: number): string {
  const body = String(i).padStart(6, "0");
  for (let d = 0; d <= 9; d++) if (luhn(body + d)) return `BEN${body}${d}`;
  throw new Error("unreachable");
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let k = 0; k < digits.length; k++) {
    let d = Number(digits[digits.length - 1 - k]);
    if (k % 2 === 1 && (d *= 2) > 9) d -= 9;
    sum += d;
  }
  return sum % 10 === 0;
}

const dataDir = await mkdtemp(path.join(tmpdir(), "sampark-bench-enrol-"));
const store = await startEmbeddedMongo({ dataDir });
const connection = await mongoose.createConnection(`${store.uri}/bench`, { maxPoolSize: 64 }).asPromise();
const flows = loadFlowSet(path.join(import.meta.dirname, "../flows"));
if (!flows.ok) throw new Error(JSON.stringify(flows.errors));
const sampark = await assembleSampark({
  connection,
  flows: flows.flows,
  translate: createTranslator({}),
  log: pino({ level: "warn" }),
  // Quiet hours never (start = end): a bench at night must not hold replies.
  quietHours: { start: "00:00", end: "00:00", timezone: "Asia/Kolkata" },
  webSimulator: false,
  storeReady: async () => true,
});

const perMessage: number[] = [];
const perEnrolment: number[] = [];
async function enrol(i: number): Promise<void> {
  const started = performance.now();
  for (const [turn, text] of answers(i).entries()) {
    const t0 = performance.now();
    await sampark.runtime.receive({ channel: "web", eventId: `${i}-${turn}`, contactKey: `web:bench-${i}`, kind: "text", text });
    perMessage.push(performance.now() - t0);
  }
  perEnrolment.push(performance.now() - started);
}

let next = 0;
let done = 0;
const progress = setInterval(() => process.stderr.write(`  ${done} / ${PEOPLE} enrolled\n`), 30_000);
async function worker(): Promise<void> {
  for (let i = next++; i < PEOPLE; i = next++) {
    await enrol(i);
    done++;
  }
}

const load = loadavg()[0]!.toFixed(2);
const startedAt = new Date().toISOString();
const started = performance.now();
await Promise.all(Array.from({ length: Math.min(CONCURRENCY, PEOPLE) }, worker));
const seconds = (performance.now() - started) / 1000;
clearInterval(progress);
await sampark.runtime.idle();

const db = connection.db!;
const members = await db.collection("members").countDocuments({ status: "active" });
const welcomed = await db.collection("outbox").countDocuments({ "payload.text": { $regex: "^Congratulations" } });
// Every record where its person asked to be: the booth search answered as the dialog assumed.
let misplaced = 0;
for await (const m of db.collection("members").find({}, { projection: { epic: 1, acNumber: 1, partNumber: 1 } })) {
  const i = Number(String(m["epic"]).slice(3, 9));
  if (m["acNumber"] !== ACS[i % ACS.length] || m["partNumber"] !== (Math.floor(i / ACS.length) % BOOTHS_PER_AC) + 1) misplaced++;
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!.toFixed(0);
console.log(`bench:enrol — ${PEOPLE} enrolments × ${answers(0).length} messages, ${CONCURRENCY} people at once, embedded store with journal`);
console.log(`machine: ${cpus().length} cores, node ${process.version}, started ${startedAt}, load average at start ${load}`);
console.log(`time:            ${seconds.toFixed(1)} s`);
console.log(`throughput:      ${(perEnrolment.length / seconds).toFixed(1)} enrolments/s, ${(perMessage.length / seconds).toFixed(0)} messages/s`);
console.log(`per message (ms):   p50 ${pct(perMessage, 50)}  p90 ${pct(perMessage, 90)}  p99 ${pct(perMessage, 99)}`);
console.log(`per enrolment (ms): p50 ${pct(perEnrolment, 50)}  p90 ${pct(perEnrolment, 90)}  p99 ${pct(perEnrolment, 99)}`);
console.log(`member records: ${members} (expected ${PEOPLE}); welcome messages: ${welcomed}; in the wrong booth: ${misplaced}`);

await connection.close();
await store.stop();
await rm(dataDir, { recursive: true, force: true });
if (members !== PEOPLE || misplaced > 0) process.exit(1);
