/**
 * Leases in the `locks` collection: one holder at a time per name across every instance, so a
 * cron tick or a channel sender runs once even when N instances tick together.
 */
import type { RuntimeModels } from "../models/runtime-models.js";

const DUPLICATE_KEY = 11000;

/** Takes or renews the lease `name` for `owner` until `now + ttlMs`. False when someone else holds it. */
export async function acquireLease(models: RuntimeModels, name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
  try {
    await models.locks.findOneAndUpdate(
      { _id: name, $or: [{ until: { $lt: now } }, { owner }] },
      { $set: { owner, until: new Date(now.getTime() + ttlMs) } },
      { upsert: true },
    );
    return true;
  } catch (error) {
    // The upsert collides with the live holder's document: the lease is taken.
    if ((error as { code?: number }).code === DUPLICATE_KEY) return false;
    throw error;
  }
}

/** Gives the lease up early (on shutdown) so another instance need not wait for it to lapse. */
export async function releaseLease(models: RuntimeModels, name: string, owner: string): Promise<void> {
  await models.locks.deleteOne({ _id: name, owner });
}
