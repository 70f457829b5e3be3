/**
 * The breaker of a channel identity: when the provider says the identity is capped or restricted
 * (WhatsApp's reach-out time lock), sending stops until a cool-down ends. The stop is stored in
 * `locks` as `breaker:<identity>` so a restart or another instance taking over the identity
 * honours it too; a later trip only ever extends it.
 */
import type { RuntimeModels } from "../../store/models/runtime-models.js";

const breakerId = (identity: string) => `breaker:${identity}`;

export async function tripBreaker(models: RuntimeModels, identity: string, until: Date, reason: string): Promise<void> {
  await models.locks.updateOne({ _id: breakerId(identity), $or: [{ until: { $lt: until } }, { until: null }] }, { $set: { owner: reason, until } }, { upsert: true }).catch((error: unknown) => {
    // The document exists with a later `until`: the upsert's insert collides, and that is fine.
    if ((error as { code?: number }).code !== 11000) throw error;
  });
}

/** When the identity's breaker lets sending resume (epoch ms; 0 when it is not tripped). */
export async function breakerUntil(models: RuntimeModels, identity: string): Promise<number> {
  const doc = await models.locks.findById(breakerId(identity)).lean();
  return doc?.until ? doc.until.getTime() : 0;
}
