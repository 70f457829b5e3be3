/**
 * The outbox sender for one channel identity. Only the holder of the lease `sender:<identity>`
 * sends, so the identity's rate limits are respected however many instances run. The holder
 * claims due rows in lane order into memory, dispatches them as the pacer allows (one row in
 * flight per contact, so a contact's messages keep their order), and reclaims rows that crashed
 * senders left leased.
 */
import type { Channel } from "../../channels/channel.js";
import type { Logger } from "../../log.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import { acquireLease, releaseLease } from "../../store/repos/leases.js";
import { blockedAmong } from "./contact-flags.js";
import { deliverRow, type DeliveryContext } from "./deliver-row.js";
import { claimRows, markSendingMany, reclaimExpired, recordBlockedWithoutSending, releaseUnsent } from "./outbox-rows.js";
import { Pacer } from "./pacer.js";
import type { SendPolicy } from "./policy.js";
import { createSentBuffer } from "./sent-buffer.js";

export interface SenderOptions {
  models: RuntimeModels;
  channel: Channel;
  policy: SendPolicy;
  /** Whose pace is shared, e.g. `telegram` (one bot per deployment). Default: the channel name. */
  identity?: string;
  /** This process's id, unique across instances and restarts. */
  owner: string;
  now(): Date;
  random(): number;
  log: Logger;
  /** Rows held in memory at most. Default 200. */
  batchSize?: number;
  /** Provider calls in flight at most. Default 16. */
  maxInFlight?: number;
  /** How long a claimed row stays ours without news. Default 60 s. */
  rowLeaseMs?: number;
  /** Lifetime of the identity lease; renewed at a third of it. Default 15 s. */
  identityLeaseMs?: number;
  /** Longest sleep when there is nothing to do. Default 500 ms. */
  idleMs?: number;
}

export interface OutboxSender {
  start(): void;
  /** Lets a freshly committed reply go out now instead of at the next poll. */
  wake(): void;
  /** Finishes calls in flight, gives unsent rows back, releases the identity lease. */
  stop(): Promise<void>;
}

export function createOutboxSender(options: SenderOptions): OutboxSender {
  const { models, channel, policy, owner, log } = options;
  const identity = `sender:${options.identity ?? channel.name}`;
  const batchSize = options.batchSize ?? 200;
  const maxInFlight = options.maxInFlight ?? 16;
  const rowLeaseMs = options.rowLeaseMs ?? 60_000;
  const identityLeaseMs = options.identityLeaseMs ?? 15_000;
  const idleMs = options.idleMs ?? 500;
  const pacer = new Pacer(policy.pace, options.now().getTime());
  const sent = createSentBuffer(models, owner, log);
  const ctx: DeliveryContext = { models, channel, policy, pacer, owner, leaseMs: rowLeaseMs, now: options.now, random: options.random, log, sent };

  let queue: OutboxDoc[] = [];
  const busyContacts = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  let stopped = true;
  let running: Promise<void> | null = null;
  let holdsLeaseUntil = 0;
  let nextReclaimAt = 0;
  let wakeUp: (() => void) | null = null;
  let refilling: Promise<unknown> | null = null;
  /** After a claim found nothing, the next one waits for this (or for an outside `wake`). */
  let nextClaimAt = 0;

  const wake = () => wakeUp?.();
  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wakeUp = null;
        resolve();
      }
      wakeUp = done;
    });

  async function holdIdentity(now: number): Promise<boolean> {
    if (now < holdsLeaseUntil - (identityLeaseMs * 2) / 3) return true;
    const held = await acquireLease(models, identity, owner, identityLeaseMs, new Date(now));
    holdsLeaseUntil = held ? now + identityLeaseMs : 0;
    return held;
  }

  /** Claims more rows when the queue runs low. */
  async function refill(now: Date): Promise<"skipped" | "empty" | "added"> {
    if (queue.length >= batchSize / 2 || pacer.pausedUntil() > now.getTime()) return "skipped";
    const held = queue.map((r) => r._id);
    const rows = await claimRows(models, { channel: channel.name, owner, now, leaseMs: rowLeaseMs, limit: batchSize - queue.length, exclude: held });
    if (rows.length === 0) return "empty";
    const blocked = await blockedAmong(models, [...new Set(rows.map((r) => r.contactKey))]);
    await recordBlockedWithoutSending(models, rows.filter((r) => blocked.has(r.contactKey)).map((r) => r._id), owner);
    queue.push(...rows.filter((r) => !blocked.has(r.contactKey)));
    return "added";
  }

  /** Starts every row the pacer allows now; returns how long until the next one may go. */
  function dispatch(now: number): number {
    let soonest = idleMs;
    const waiting: OutboxDoc[] = [];
    const ready: OutboxDoc[] = [];
    for (const row of queue) {
      const full = busyContacts.has(row.contactKey) || inFlight.size + ready.length >= maxInFlight;
      const wait = full ? idleMs : pacer.waitMs(row.recipient, now);
      if (wait > 0) {
        soonest = Math.min(soonest, wait);
        waiting.push(row);
        continue;
      }
      pacer.take(row.recipient, now);
      busyContacts.add(row.contactKey);
      ready.push(row);
    }
    queue = waiting;
    if (ready.length > 0) launch(ready);
    return soonest;
  }

  /** Marks the rows as sending in one write, then makes each one's provider calls. */
  function launch(rows: OutboxDoc[]): void {
    const marked = markSendingMany(models, rows.map((r) => r._id), owner, options.now(), rowLeaseMs);
    for (const row of rows) {
      const call = marked
        .then((mine) => (mine.has(row._id) ? deliverRow(ctx, row) : undefined))
        .catch((error: unknown) => log.error({ err: error, outboxId: row._id }, "sender: recording a delivery failed; the row's lease will lapse and be reclaimed"))
        .finally(() => {
          busyContacts.delete(row.contactKey);
          inFlight.delete(call);
          wake();
        });
      inFlight.add(call);
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      try {
        const now = options.now();
        if (!(await holdIdentity(now.getTime()))) {
          await refilling;
          await giveBackQueue();
          await idle(identityLeaseMs / 3);
          continue;
        }
        if (now.getTime() >= nextReclaimAt) {
          const reclaimed = await reclaimExpired(models, channel.name, owner, now, policy.resendAmbiguous);
          if (reclaimed.inFlight + reclaimed.requeued > 0) log.warn({ channel: channel.name, ...reclaimed }, "sender: reclaimed expired leases");
          nextReclaimAt = now.getTime() + rowLeaseMs / 4;
        }
        // Claiming runs beside dispatching: a slow claim must not leave the pace unused.
        if (now.getTime() >= nextClaimAt) refilling ??= refill(now)
          .then((result) => {
            if (result === "added") wake();
            if (result === "empty") nextClaimAt = options.now().getTime() + idleMs;
          })
          .catch((error: unknown) => log.error({ err: error, channel: channel.name }, "sender: claiming rows failed"))
          .finally(() => (refilling = null));
        await idle(Math.max(1, dispatch(options.now().getTime())));
      } catch (error) {
        log.error({ err: error, channel: channel.name }, "sender: loop iteration failed; retrying");
        await idle(idleMs);
      }
    }
  }

  async function giveBackQueue(): Promise<void> {
    const ids = queue.map((r) => r._id);
    queue = [];
    await releaseUnsent(models, ids, owner);
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    wake() {
      nextClaimAt = 0;
      wake();
    },
    async stop() {
      stopped = true;
      wake();
      await running;
      await refilling;
      await Promise.all(inFlight);
      await sent.flush();
      await giveBackQueue();
      if (holdsLeaseUntil > 0) await releaseLease(models, identity, owner);
      holdsLeaseUntil = 0;
    },
  };
}
