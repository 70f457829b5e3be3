/** Outbox rows per channel and state, for metrics and the bench: one aggregation, not one count per state. */
import type { RuntimeModels } from "../../store/models/runtime-models.js";

export const OUTBOX_STATES = ["queued", "leased", "sent", "failed", "blocked", "ambiguous"] as const;
export type OutboxCounts = Record<(typeof OUTBOX_STATES)[number], number>;

const zero = (): OutboxCounts => Object.fromEntries(OUTBOX_STATES.map((s) => [s, 0])) as OutboxCounts;

/** `{ telegram: { queued, leased, sent, … }, whatsapp: … }`; every state present, 0 when none. */
export async function outboxCountsByChannel(models: RuntimeModels): Promise<Record<string, OutboxCounts>> {
  const groups = await models.outbox.aggregate<{ _id: { channel: string; state: string }; n: number }>([
    { $group: { _id: { channel: "$channel", state: "$state" }, n: { $sum: 1 } } },
  ]);
  const out: Record<string, OutboxCounts> = {};
  for (const { _id, n } of groups) {
    const counts = (out[_id.channel] ??= zero());
    if (_id.state in counts) counts[_id.state as keyof OutboxCounts] = n;
  }
  return out;
}

/** Rows per state of one channel, or of all channels together. */
export async function outboxCounts(models: RuntimeModels, channel?: string): Promise<OutboxCounts> {
  const scope = channel === undefined ? [] : [{ $match: { channel } }];
  const groups = await models.outbox.aggregate<{ _id: string; n: number }>([...scope, { $group: { _id: "$state", n: { $sum: 1 } } }]);
  const counts = zero();
  for (const { _id, n } of groups) if (_id in counts) counts[_id as keyof OutboxCounts] = n;
  return counts;
}
