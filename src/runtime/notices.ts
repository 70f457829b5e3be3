/**
 * Messages an action sends to a contact other than the one whose conversation runs it — a
 * one-time code to the chat a membership is registered with. They go straight into the outbox,
 * like replies, with a deterministic id per action run and recipient (`notice:<action key>:<to>`),
 * so an action re-run after a crash queues nothing twice. The reply lane: a notice answers a
 * request someone is making right now (a code valid for minutes), so quiet hours must not hold it.
 */
import type { OutboxDoc, RuntimeModels } from "../store/models/runtime-models.js";
import { parseContactKey } from "./contact-key.js";

export interface Notice {
  /** The contact key to write to (`telegram:42`, `whatsapp:919876543210`). */
  to: string;
  text: string;
}

/** Queues one notice; resolves once it is in the outbox (or was already). */
export type Notify = (notice: Notice) => Promise<void>;

export const noticeId = (actionKey: string, to: string): string => `notice:${actionKey}:${to}`;

/** The `Notify` port of one action run (`actionKey` is its idempotency key). */
export function noticesFor(models: RuntimeModels, actionKey: string, now: Date, onOutbox?: (contactKey: string) => void): Notify {
  return async ({ to, text }) => {
    const { channel, address } = parseContactKey(to);
    // After everything the contact has been sent so far (the web reader and per-contact order use seq).
    const last = await models.outbox.findOne({ contactKey: to }, { seq: 1 }).sort({ seq: -1 }).lean();
    const row: OutboxDoc = {
      _id: noticeId(actionKey, to),
      channel,
      contactKey: to,
      recipient: address,
      lane: "reply",
      payload: { text },
      seq: (last?.seq ?? 0) + 1,
      state: "queued",
      notBefore: now,
      attempts: 0,
      createdAt: now,
      sentAt: null,
    };
    try {
      await models.outbox.create(row);
    } catch (error) {
      if ((error as { code?: number }).code !== 11000) throw error;
      return; // queued by an earlier run of the same action
    }
    onOutbox?.(to);
  };
}
