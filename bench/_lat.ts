import { MongoClient } from "mongodb";
import { startEmbeddedMongo } from "/work/main/src/store/embedded/index.js";
const mongo = await startEmbeddedMongo({ dataDir: "/tmp/lat", inMemory: true });
const client = await new MongoClient(mongo.uri, { monitorCommands: true }).connect();
const c = client.db("l").collection("c");
await c.insertMany(Array.from({ length: 100 }, (_, i) => ({ _id: i as never, k: i })));
const cmds: string[] = [];
client.on("commandStarted", (e) => cmds.push(e.commandName));
async function time(name: string, f: () => Promise<unknown>) { const t = performance.now(); for (let i = 0; i < 50; i++) await f(); console.log(name, ((performance.now() - t) / 50).toFixed(2), "ms/op"); }
await time("ping", () => client.db("admin").command({ ping: 1 }));
await time("findOne", () => c.findOne({ _id: 5 as never }));
await time("find toArray", () => c.find({ k: { $lt: 3 } }).toArray());
await time("insertOne", () => c.insertOne({ k: 1 }));
await time("updateOne", () => c.updateOne({ _id: 1 as never }, { $inc: { k: 1 } }));
console.log([...new Set(cmds)]);
await client.close(); await mongo.stop();
