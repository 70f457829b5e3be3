/**
 * What deploying an edited flow set would do to the conversations waiting right now: how many
 * continue at the same step, follow a `moved:` map, restart politely, or end.
 */
import { planEdit, type EditPlan } from "../engine/index.js";
import type { FlowSet, Session } from "../engine/types.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";

const BATCH = 1_000;

export async function planEditForStore(models: RuntimeModels, flows: FlowSet): Promise<EditPlan & { waiting: number }> {
  const total: EditPlan & { waiting: number } = { same: 0, moved: 0, restart: 0, gone: 0, waiting: 0 };
  let batch: Session[] = [];
  const flush = () => {
    const plan = planEdit(flows, batch);
    for (const key of ["same", "moved", "restart", "gone"] as const) total[key] += plan[key];
    total.waiting += batch.length;
    batch = [];
  };
  // Only sessions inside a flow can be affected; idle ones start fresh with whatever is deployed.
  for await (const doc of models.sessions.find({ "state.current": { $ne: null } }, { state: 1 }).lean().cursor()) {
    batch.push(doc.state as Session);
    if (batch.length >= BATCH) flush();
  }
  if (batch.length > 0) flush();
  return total;
}
