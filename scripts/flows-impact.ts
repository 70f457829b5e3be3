/**
 * `npm run flows:impact -- [flowsDir]`: before deploying edited flows, report how many waiting
 * conversations in MONGODB_URI would continue, follow `moved:`, restart or end.
 */
import mongoose from "mongoose";
import { loadFlowSet } from "../src/engine/index.js";
import { planEditForStore } from "../src/runtime/edit-impact.js";
import { runtimeModels } from "../src/store/models/runtime-models.js";

const uri = process.env["MONGODB_URI"];
if (!uri) {
  console.error("flows:impact needs MONGODB_URI (the database the running bot uses).");
  process.exit(2);
}
const flowsDir = process.argv[2] ?? "flows";
const loaded = loadFlowSet(flowsDir);
if (!loaded.ok) {
  for (const e of loaded.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
  process.exit(1);
}
const connection = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 5_000 }).asPromise();
try {
  const plan = await planEditForStore(runtimeModels(connection), loaded.flows);
  console.log(`flows:impact: ${plan.waiting} waiting conversations`);
  console.log(`  continue at the same step: ${plan.same}`);
  console.log(`  follow a moved: map:       ${plan.moved}`);
  console.log(`  restart politely:          ${plan.restart}`);
  console.log(`  end (flow removed):        ${plan.gone}`);
} finally {
  await connection.close();
}
