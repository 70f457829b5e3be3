/**
 * The contact's `blocked` flag: set when a provider says the person blocked us (Telegram 403,
 * `my_chat_member` kicked), cleared when they come back (`member`). Changes carry the provider's
 * time so a late redelivery of an old block cannot undo a newer unblock.
 */
import type { RuntimeModels } from "../../store/models/runtime-models.js";

export async function setContactReachable(models: RuntimeModels, contactKey: string, reachable: boolean, at: Date): Promise<void> {
  await models.contacts.updateOne(
    { _id: contactKey, $or: [{ blockedChangedAt: null }, { blockedChangedAt: { $lte: at } }] },
    { $set: { blocked: !reachable, blockedChangedAt: at } },
  );
}

/** Contact keys among `contactKeys` that are flagged blocked. */
export async function blockedAmong(models: RuntimeModels, contactKeys: string[]): Promise<Set<string>> {
  if (contactKeys.length === 0) return new Set();
  const rows = await models.contacts.find({ _id: { $in: contactKeys }, blocked: true }, { _id: 1 }).lean();
  return new Set(rows.map((r) => String(r._id)));
}
