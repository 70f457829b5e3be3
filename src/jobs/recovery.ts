/**
 * Finishes work a crash interrupted: sessions whose committed effects were not applied, and
 * inbound events logged but never processed. Only touches work older than `graceMs` so it does
 * not race requests still in flight.
 */
import type { Runtime } from "../runtime/runtime.js";
import { applyPendingEffects } from "../runtime/commit.js";
import type { RuntimeModels, SessionDoc } from "../store/models/runtime-models.js";

export interface RecoveryDeps {
  models: RuntimeModels;
  runtime: Runtime;
  now(): Date;
  graceMs: number;
}

export async function recoverInterrupted(deps: RecoveryDeps): Promise<{ sessions: number; contacts: number }> {
  const cutoff = new Date(deps.now().getTime() - deps.graceMs);
  const stuck = await deps.models.sessions.find({ hasPending: true, updatedAt: { $lt: cutoff } }).limit(500).lean();
  for (const doc of stuck) await applyPendingEffects(deps.models, doc as SessionDoc, deps.now());
  const contacts: string[] = await deps.models.inboundEvents.distinct("contactKey", {
    processedAt: null,
    failedAt: null,
    receivedAt: { $lt: cutoff },
  });
  for (const contactKey of contacts) await deps.runtime.drain(contactKey);
  return { sessions: stuck.length, contacts: contacts.length };
}
