/**
 * The outbox sender for one channel identity. Only the holder of the lease `sender:<identity>`
 * sends, so the identity's rate limits are respected however many instances run. The holder
 * claims due rows in lane order into memory, dispatches them as the pacer, quiet hours, the daily
 * cap and the breaker allow, and reclaims rows that crashed senders left leased. Dispatch runs in
 * ticks so each tick's rows are marked in flight with one write, and the rows that a crash can
 * catch mid-send (marked, not yet recorded) never exceed `inFlightWindow`. An identity that
 * another lease already pins to one instance (a WhatsApp number and its socket) passes
 * `holdsIdentity` instead, so sending happens only where that lease is.
 */
import type { Channel } from "../../channels/channel.js";
import type { QuietHours } from "../../domain/quiet-hours.js";
import type { Logger } from "../../log.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import { acquireLease, releaseLease } from "../../store/repos/leases.js";
import { breakerUntil, tripBreaker } from "./breaker.js";
import { deliverRow, type DeliveryContext } from "./deliver-row.js";
import { quietUntil } from "./gates.js";
import { deferHeld, markSendingMany } from "./outbox-rows.js";
import { Pacer } from "./pacer.js";
import type { SendPolicy } from "./policy.js";
import { createRowSource } from "./row-source.js";
import { selectReady } from "./select-ready.js";
import { createSentBuffer, SENT_BATCH } from "./sent-buffer.js";

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
  /** Dialog and broadcast rows due inside these hours wait until they end; replies still go. */
  quietHours?: QuietHours;
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
  /** Told each row whose parts all went out, before its success is recorded (web chat readers wait for it). */
  onDelivered?(row: OutboxDoc): void;
  /**
   * When another component owns the identity (the WhatsApp socket's lease): the sender then takes
   * no `sender:<identity>` lease of its own and runs only while this says this instance may send.
   */
  holdsIdentity?(nowMs: number): boolean;
}

export interface OutboxSender {
  start(): void;
  /** Lets a freshly committed reply go out now instead of at the next poll. */
  wake(): void;
  /** Finishes calls in flight, gives unsent rows back, releases the identity lease. */
  stop(): Promise<void>;
}

/** Rows that a crash can catch mid-send — provider calls plus sends not yet recorded — i.e. the most a crash can duplicate. */
export function inFlightWindow(options: { maxInFlight?: number }): number {
  return (options.maxInFlight ?? 16) + 2 * SENT_BATCH;
}

/** Dispatch tick: half the time the pacer's burst lasts, so a tick's rows share one write (1–50 ms). */
export function dispatchTickMs(pace: SendPolicy["pace"]): number {
  return Math.max(1, Math.min(50, Math.floor((500 * pace.burst) / pace.perSecond)));
}

export function createOutboxSender(options: SenderOptions): OutboxSender {
  const { models, channel, policy, owner, log } = options;
  const identity = options.identity ?? channel.name;
  const maxInFlight = options.maxInFlight ?? 16;
  const rowLeaseMs = options.rowLeaseMs ?? 60_000;
  const identityLeaseMs = options.identityLeaseMs ?? 15_000;
  const idleMs = options.idleMs ?? 500;
  const window = inFlightWindow(options);
  const tickMs = dispatchTickMs(policy.pace);
  // Two pacers with the same limits: `pacer` picks which rows start in a tick; `wire` spaces the
  // provider calls when they actually go out. The marking write in between takes a variable
  // time, and a store stall would otherwise release several ticks' rows at once and overrun the
  // provider's one-second window (a 429, which halts everything for a second or more).
  const pacer = new Pacer(policy.pace, options.now().getTime());
  const wire = new Pacer(policy.pace, options.now().getTime());
  const pause = (untilMs: number) => [pacer, wire].forEach((p) => p.pause(untilMs));
  const sent = createSentBuffer(models, owner, log);
  const trip = (until: Date, reason: string) => tripBreaker(models, identity, until, reason);
  const ctx: DeliveryContext = { models, channel, policy, pacer: wire, pause, owner, leaseMs: rowLeaseMs, now: options.now, random: options.random, log, sent, tripBreaker: trip, ...(options.onDelivered ? { onDelivered: options.onDelivered } : {}) };
  const busyContacts = new Set<string>();
  const inFlight = new Set<Promise<void>>();
  const source = createRowSource({ models, channel: channel.name, owner, rowLeaseMs, batchSize: options.batchSize ?? 200, idleMs, policy, pacer, log, now: options.now, inFlight: () => inFlight.size + sent.unwritten() });

  let stopped = true;
  let running: Promise<void> | null = null;
  let holdsLeaseUntil = 0;
  let lastTick = 0;
  let wakeUp: (() => void) | null = null;

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

  /** Renews the identity lease; on each renewal, honours a breaker another instance may have tripped. */
  async function holdIdentity(now: number): Promise<boolean> {
    if (options.holdsIdentity && !options.holdsIdentity(now)) {
      holdsLeaseUntil = 0;
      return false;
    }
    if (now < holdsLeaseUntil - (identityLeaseMs * 2) / 3) return true;
    const held = options.holdsIdentity ? true : await acquireLease(models, `sender:${identity}`, owner, identityLeaseMs, new Date(now));
    holdsLeaseUntil = held ? now + identityLeaseMs : 0;
    if (held) pause(await breakerUntil(models, identity));
    return held;
  }

  /** Starts the rows that may go now; returns how long to sleep. */
  function dispatch(now: Date): number {
    const quiet = quietUntil(now, options.quietHours);
    const slots = Math.min(maxInFlight - inFlight.size, window - inFlight.size - sent.unwritten());
    const picked = selectReady(source.queue, { pacer, now: now.getTime(), slots, busyContacts, outreachHeld: quiet !== null, idleMs });
    source.queue = picked.waiting;
    if (quiet && picked.held.length > 0) {
      source.forget(picked.held);
      void deferHeld(models, picked.held.map((r) => r._id), owner, quiet).catch((error: unknown) => log.error({ err: error }, "sender: deferring rows to the end of quiet hours failed; their leases will lapse"));
    }
    if (picked.ready.length > 0) launch(picked.ready);
    return picked.waitMs;
  }

  /** Marks the rows as sending in one write, then makes each one's provider calls. */
  function launch(rows: OutboxDoc[]): void {
    const ids = rows.map((r) => r._id);
    const marked = policy.markInFlight === false ? Promise.resolve(new Set(ids)) : markSendingMany(models, ids, owner, options.now(), rowLeaseMs);
    for (const row of rows) {
      busyContacts.add(row.contactKey);
      const call = marked
        .then((mine) => (mine.has(row._id) ? deliverRow(ctx, row) : undefined))
        .catch((error: unknown) => log.error({ err: error, outboxId: row._id }, "sender: recording a delivery failed; the row's lease will lapse and be reclaimed"))
        .finally(() => {
          busyContacts.delete(row.contactKey);
          source.forget([row]);
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
          await source.giveBack();
          await idle(identityLeaseMs / 3);
          continue;
        }
        await source.maintain(now, quietUntil(now, options.quietHours), wake);
        // Ticks follow the real clock: the injected one may be pinned (tests) and never advance.
        const since = performance.now() - lastTick;
        if (since < tickMs) {
          await idle(tickMs - since);
          continue;
        }
        lastTick = performance.now();
        await idle(Math.max(tickMs, dispatch(now)));
      } catch (error) {
        log.error({ err: error, channel: channel.name }, "sender: loop iteration failed; retrying");
        await idle(idleMs);
      }
    }
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    wake() {
      source.claimNow();
      wake();
    },
    async stop() {
      stopped = true;
      wake();
      await running;
      await Promise.all(inFlight);
      await sent.flush();
      await source.giveBack();
      if (holdsLeaseUntil > 0 && !options.holdsIdentity) await releaseLease(models, `sender:${identity}`, owner);
      holdsLeaseUntil = 0;
    },
  };
}
