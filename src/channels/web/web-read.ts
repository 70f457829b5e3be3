/**
 * Reading a web contact's inbox the way a chat client needs it. The outbox sender delivers a
 * reply a few milliseconds after it is committed, so a read that finds rows of the contact still
 * due in the outbox (queued, or leased by a sender) waits for them first: a script that posts and
 * reads at once gets that post's replies, and a long-poll gets a reply of several messages in one
 * answer instead of one message at a time. That wait is bounded (`SETTLE_MS`) so a stopped sender
 * cannot hang a reader. Delivery in this process wakes the reader at once (the sender reports each
 * row it delivered, before recording it); delivery by another instance's sender is seen by
 * re-reading once it is recorded.
 */
import type { RuntimeModels } from "../../store/models/runtime-models.js";
import type { WebInbox, WebMessage } from "./web-inbox.js";

/** Longest a read waits for replies still in the outbox, whatever `wait` the client asked for. */
export const SETTLE_MS = 10_000;
/**
 * Re-read interval while replies are on their way. A sender in this process says when it has
 * delivered and recorded them; this catches a sender in another instance.
 */
const PENDING_POLL_MS = 50;
/** Re-read interval of an idle long-poll: catches deliveries made by another instance. */
const IDLE_POLL_MS = 1_000;

export interface ReadDeps {
  inbox: WebInbox;
  models: RuntimeModels;
  now(): Date;
  /** Rows the sender in this process has delivered but maybe not yet recorded as sent. */
  deliveredHere(rowId: string): boolean;
  /** `web:<contact>`, the contact's key in the outbox. */
  contactKey: string;
}

export async function readSettled(deps: ReadDeps, contact: string, afterSeq: number, waitMs: number): Promise<WebMessage[]> {
  const started = performance.now();
  for (;;) {
    // Listening first: news that comes while we read makes the wait below end at once.
    const news = deps.inbox.listen(contact);
    try {
      // In this order: a row is recorded sent (or reported delivered here) only after its message
      // is in the inbox, so when no row is due any more, the read that follows sees them all.
      const pending = await hasDueReplies(deps);
      const messages = await deps.inbox.after(contact, afterSeq);
      const elapsed = performance.now() - started;
      const budget = pending ? Math.max(waitMs, SETTLE_MS) : waitMs;
      if ((!pending && messages.length > 0) || elapsed >= budget) return messages;
      await news.wait(Math.min(budget - elapsed, pending ? PENDING_POLL_MS : IDLE_POLL_MS));
    } finally {
      news.close();
    }
  }
}

async function hasDueReplies(deps: ReadDeps): Promise<boolean> {
  const due = await deps.models.outbox.find({ contactKey: deps.contactKey, state: { $in: ["queued", "leased"] }, notBefore: { $lte: deps.now() } }, { _id: 1 }).lean();
  return due.some((row) => !deps.deliveredHere(String(row._id)));
}
