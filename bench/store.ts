/**
 * Benchmark of the embedded store through mongoose, server in its worker thread, journal on
 * (group commit, fsync before every acknowledgement). Run with `npm run bench:store`.
 * Figures are recorded in docs/performance.md.
 */
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { connect } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { BSON } from "bson";
import mongoose, { Schema, type Model } from "mongoose";
import { embeddedSocketPath } from "../src/store/connection.js";
import { startEmbeddedMongo, type EmbeddedMongo } from "../src/store/embedded/index.js";

const DOCS = 100_000;
const SINGLE_OPS = 20_000;
const CONCURRENCY = 32;
const WARM_UP_OPS = 5_000;

interface Item {
  key: string;
  n: number;
  payload: string;
}

interface Row {
  operation: string;
  ops: number;
  ms: number;
  "ops/s": number;
  /** Event-loop utilisation of this (client) thread: near 1 means mongoose, not the server, is the limit. */
  "client ELU"?: string;
}

const rows: Row[] = [];
const keyOf = (i: number): string => `k${String(i).padStart(7, "0")}`;
const itemOf = (i: number): Item => ({ key: keyOf(i), n: i, payload: `member ${i} of district ${i % 97}` });

async function measure(operation: string, ops: number, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  const elu = performance.eventLoopUtilization();
  await work();
  const ms = performance.now() - started;
  const clientElu = performance.eventLoopUtilization(elu).utilization.toFixed(2);
  rows.push({ operation, ops, ms: Math.round(ms), "ops/s": Math.round((ops / ms) * 1000), "client ELU": clientElu });
}

/** Runs `task(i)` for i in [0, count) with `CONCURRENCY` calls in flight. */
async function inFlight(count: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
}

const randomKey = (): string => keyOf(Math.floor(Math.random() * DOCS));

/** Unmeasured rounds first, so the figures are for JIT-compiled mongoose/driver/engine code. */
async function warmUp(Warm: Model<Item>, create = true): Promise<void> {
  if (create) await inFlight(WARM_UP_OPS, (i) => Warm.create(itemOf(i)));
  await inFlight(WARM_UP_OPS, (i) => Warm.findOneAndUpdate({ key: keyOf(i) }, { $inc: { n: 1 } }, { returnDocument: "after" }).lean());
  await inFlight(WARM_UP_OPS, (i) => Warm.collection.findOneAndUpdate({ key: keyOf(i) }, { $inc: { n: 1 } }));
  await inFlight(WARM_UP_OPS, (i) => Warm.findOne({ key: keyOf(i) }).lean());
}

async function runWorkload(Items: Model<Item>, ItemsOverSocket: Model<Item> | undefined): Promise<void> {
  await measure(`insert (Model.create, ${CONCURRENCY} in flight)`, SINGLE_OPS, () => inFlight(SINGLE_OPS, (i) => Items.create(itemOf(i))));
  const rest = DOCS - SINGLE_OPS;
  await measure("insertMany (batches of 1000)", rest, async () => {
    for (let start = SINGLE_OPS; start < DOCS; start += 1000) {
      await Items.insertMany(Array.from({ length: 1000 }, (_, j) => itemOf(start + j)), { lean: true });
    }
  });
  await measure(`findOneAndUpdate by unique key (${CONCURRENCY} in flight)`, SINGLE_OPS, () =>
    inFlight(SINGLE_OPS, () => Items.findOneAndUpdate({ key: randomKey() }, { $inc: { n: 1 } }, { returnDocument: "after" }).lean()),
  );
  // The same over the Unix socket the app itself uses for its embedded store (src/store/connection.ts).
  if (ItemsOverSocket) {
    await measure(`  same, over the Unix socket (as npm start connects)`, SINGLE_OPS, () =>
      inFlight(SINGLE_OPS, () => ItemsOverSocket.findOneAndUpdate({ key: randomKey() }, { $inc: { n: 1 } }, { returnDocument: "after" }).lean()),
    );
  }
  // The same through the plain driver: how much of the per-operation cost is mongoose's.
  await measure(`  same, plain mongodb driver`, SINGLE_OPS, () =>
    inFlight(SINGLE_OPS, () => Items.collection.findOneAndUpdate({ key: randomKey() }, { $inc: { n: 1 } }, { returnDocument: "after" })),
  );
  await measure(`findOne by unique key (${CONCURRENCY} in flight)`, SINGLE_OPS, () =>
    inFlight(SINGLE_OPS, () => Items.findOne({ key: randomKey() }).lean()),
  );
  await measure(`cursor scan of ${DOCS} documents`, DOCS, async () => {
    let seen = 0;
    for await (const _doc of Items.find().lean().cursor({ batchSize: 1000 })) seen++;
    if (seen !== DOCS) throw new Error(`scan saw ${seen} documents`);
  });
}

/** An OP_MSG with one kind-0 section, built by hand: the cheapest client there is. */
function opMsg(requestId: number, body: object): Buffer {
  const bson = BSON.serialize(body);
  const message = Buffer.alloc(21 + bson.length);
  message.writeInt32LE(message.length, 0);
  message.writeInt32LE(requestId, 4);
  message.writeInt32LE(2013, 12);
  message.set(bson, 21);
  return message;
}

/** One socket sending commands one at a time; replies are small, so one reply = one whole message. */
async function rawLane(port: number, count: () => boolean, command: () => object): Promise<void> {
  const socket = connect(port, "127.0.0.1").setNoDelay(true);
  await new Promise((resolve) => socket.once("connect", resolve));
  let pending = Buffer.alloc(0);
  let replied: () => void = () => {};
  socket.on("data", (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    if (pending.length >= 4 && pending.length >= pending.readInt32LE(0)) {
      pending = pending.subarray(pending.readInt32LE(0));
      replied();
    }
  });
  for (let id = 1; count(); id++) {
    const reply = new Promise<void>((resolve) => (replied = resolve));
    socket.write(opMsg(id, command()));
    await reply;
  }
  socket.destroy();
}

/** The server's own capacity: findAndModify from hand-built OP_MSGs, no driver or mongoose. */
async function measureRawServer(port: number): Promise<void> {
  let left = SINGLE_OPS * 2;
  const command = () => ({ findAndModify: "items", query: { key: randomKey() }, update: { $inc: { n: 1 } }, new: true, $db: "bench" });
  await measure(`findAndModify by unique key, hand-built OP_MSG (${CONCURRENCY} in flight)`, left, async () => {
    await Promise.all(Array.from({ length: CONCURRENCY }, () => rawLane(port, () => left-- > 0, command)));
  });
}

/** Starts a server on a copy of the journal files alone and reports how long replay took. */
async function measureReplay(dataDir: string): Promise<void> {
  const copy = await mkdtemp(join(tmpdir(), "sampark-bench-replay-"));
  for (const name of await readdir(dataDir)) if (name.startsWith("journal-")) await cp(join(dataDir, name), join(copy, name));
  let loaded: { mutations?: unknown; ms?: unknown } = {};
  const started = performance.now();
  const replayed = await startEmbeddedMongo({
    dataDir: copy,
    log: (_level, msg, fields) => {
      if (msg.includes("data directory loaded") && fields) loaded = fields;
    },
  });
  const total = performance.now() - started;
  const mutations = Number(loaded.mutations);
  rows.push({ operation: `journal replay (${mutations} mutations)`, ops: mutations, ms: Number(loaded.ms), "ops/s": Math.round((mutations / Number(loaded.ms)) * 1000) });
  rows.push({ operation: "  start incl. worker + replay", ops: 1, ms: Math.round(total), "ops/s": 0 });
  await replayed.stop();
  await rm(copy, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), "sampark-bench-"));
  let mongo: EmbeddedMongo | undefined;
  try {
    // A large threshold keeps everything in the journal so replay measures journal records.
    const socketPath = embeddedSocketPath(dataDir);
    mongo = await startEmbeddedMongo({ dataDir, compactThresholdBytes: 1024 * 1024 * 1024, ...(socketPath ? { socketPath } : {}) });
    const conn = await mongoose.createConnection(`${mongo.uri}/bench`, { maxPoolSize: CONCURRENCY }).asPromise();
    const socketConn = mongo.socketUri ? await mongoose.createConnection(`${mongo.socketUri}/bench`, { maxPoolSize: CONCURRENCY }).asPromise() : undefined;
    const schema = new Schema<Item>({ key: { type: String, unique: true }, n: Number, payload: String });
    const Warm = conn.model<Item>("Warm", schema);
    const Items = conn.model<Item>("Item", schema);
    await Promise.all([Warm.init(), Items.init()]);
    await warmUp(Warm);
    const ItemsOverSocket = socketConn?.model<Item>("Item", schema);
    if (socketConn) await warmUp(socketConn.model<Item>("Warm", schema), false);
    await runWorkload(Items, ItemsOverSocket);
    await measureRawServer(mongo.port);
    await conn.close();
    await socketConn?.close();
    await measureReplay(dataDir);
  } finally {
    await mongo?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
  const load = loadavg().map((l) => l.toFixed(2)).join(" ");
  console.log(`node ${process.version}, ${cpus().length} cpus (${cpus()[0]?.model ?? "?"}), load average ${load}, ${new Date().toISOString()}`);
  console.table(rows);
}

await main();
