import { connect } from "node:net";
import { BSON } from "bson";
import { startEmbeddedMongo } from "/work/main/src/store/embedded/index.js";
import { startServer } from "/work/main/src/store/embedded/server.js";
import { createEngine, ENGINE_BSON_OPTIONS } from "/work/main/src/store/embedded/engine/index.js";
function ping(id: number): Buffer {
  const body = Buffer.from(BSON.serialize({ ping: 1, $db: "admin" }));
  const m = Buffer.alloc(21 + body.length); m.writeInt32LE(m.length, 0); m.writeInt32LE(id, 4); m.writeInt32LE(2013, 12); body.copy(m, 21); return m;
}
async function measure(port: number, label: string) {
  const s = connect(port, "127.0.0.1"); s.setNoDelay(true);
  await new Promise((r) => s.once("connect", r));
  let resolve: () => void = () => {};
  s.on("data", () => resolve());
  const N = 2000; const t = performance.now();
  for (let i = 0; i < N; i++) { const p = new Promise<void>((r) => (resolve = r)); s.write(ping(i)); await p; }
  console.log(label, ((performance.now() - t) / N * 1000).toFixed(0), "us/op");
  s.destroy();
}
const w = await startEmbeddedMongo({ dataDir: "/tmp/x", inMemory: true });
await measure(w.port, "worker");
await w.stop();
const inproc = await startServer({ engine: createEngine(), bsonOptions: ENGINE_BSON_OPTIONS });
await measure(inproc.port, "same thread");
await inproc.close();
