/**
 * Picks the held rows that may start now, without I/O: in queue order, at most `slots`, one row
 * per contact at a time (so a contact's messages keep their order), as the pacer allows; outreach
 * rows are set aside while quiet hours hold outreach. Takes the pacer's slots for the rows picked.
 */
import type { OutboxDoc } from "../../store/models/runtime-models.js";
import { isOutreach } from "./gates.js";
import type { Pacer } from "./pacer.js";

export interface SelectInput {
  pacer: Pacer;
  now: number;
  /** Rows that may start now at most (provider calls and the in-flight window). */
  slots: number;
  busyContacts: ReadonlySet<string>;
  /** Quiet hours: outreach rows go back until then. */
  outreachHeld: boolean;
  /** Wait reported when nothing but a finishing call can unblock the queue. */
  idleMs: number;
}

export interface Selection {
  ready: OutboxDoc[];
  /** Outreach rows to give back until quiet hours end. */
  held: OutboxDoc[];
  /** The rest, still in order. */
  waiting: OutboxDoc[];
  /** How long until the next row may go, as far as the pacer knows. */
  waitMs: number;
}

export function selectReady(queue: readonly OutboxDoc[], input: SelectInput): Selection {
  const { pacer, now } = input;
  const ready: OutboxDoc[] = [];
  const held: OutboxDoc[] = [];
  const waiting: OutboxDoc[] = [];
  const contacts = new Set<string>();
  let waitMs = input.idleMs;
  for (let i = 0; i < queue.length; i++) {
    const row = queue[i] as OutboxDoc;
    if (input.outreachHeld && isOutreach(row.lane)) {
      held.push(row);
      continue;
    }
    if (ready.length >= input.slots) {
      waiting.push(row);
      continue;
    }
    if (input.busyContacts.has(row.contactKey) || contacts.has(row.contactKey)) {
      waiting.push(row);
      continue;
    }
    const global = pacer.globalWaitMs(now);
    if (global > 0 && !input.outreachHeld) {
      // Out of tokens (or paused): no later row can go either, so stop looking.
      waitMs = Math.min(waitMs, global);
      waiting.push(...queue.slice(i));
      break;
    }
    const wait = pacer.waitMs(row.recipient, now);
    if (wait > 0) {
      waitMs = Math.min(waitMs, wait);
      waiting.push(row);
      continue;
    }
    pacer.take(row.recipient, now);
    contacts.add(row.contactKey);
    ready.push(row);
  }
  return { ready, held, waiting, waitMs };
}
