/**
 * The rows a sender holds in memory, and how it gets more: claims (beside dispatching, so a slow
 * claim does not leave the pace unused), the outreach limits of quiet hours and the daily cap,
 * the periodic reclaim of crashed senders' leases, and giving rows back on shutdown.
 */
import type { Logger } from "../../log.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import { claimRows, deferDueOutreach, outreachSentSince } from "./claim-rows.js";
import { blockedAmong } from "./contact-flags.js";
import { isOutreach, localDayStart, outreachAllowance } from "./gates.js";
import { reclaimExpired, recordBlockedWithoutSending, releaseUnsent } from "./outbox-rows.js";
import type { Pacer } from "./pacer.js";
import type { SendPolicy } from "./policy.js";

export interface RowSourceDeps {
  models: RuntimeModels;
  channel: string;
  owner: string;
  rowLeaseMs: number;
  batchSize: number;
  idleMs: number;
  policy: SendPolicy;
  pacer: Pacer;
  log: Logger;
  now(): Date;
  /** Rows launched but not yet recorded (they count against the daily cap). */
  inFlight(): number;
}

export interface RowSource {
  /** Held rows not yet started, in dispatch order. */
  queue: OutboxDoc[];
  /** Reclaims, defers and starts a claim when due; `onRows` is called when a claim added rows. */
  maintain(now: Date, quietUntil: Date | null, onRows: () => void): Promise<void>;
  /** Rows no longer held (finished, deferred). */
  forget(rows: OutboxDoc[]): void;
  claimNow(): void;
  /** Waits for a running claim, then gives every unstarted row back. */
  giveBack(): Promise<void>;
}

export function createRowSource(deps: RowSourceDeps): RowSource {
  const { models, channel, owner, policy, log } = deps;
  const held = new Set<string>();
  let claiming: Promise<unknown> | null = null;
  let nextClaimAt = 0;
  let nextReclaimAt = 0;
  let nextQuietDeferAt = 0;

  const source: RowSource = {
    queue: [],
    async maintain(now, quietUntil, onRows) {
      const t = now.getTime();
      if (t >= nextReclaimAt) {
        nextReclaimAt = t + deps.rowLeaseMs / 4;
        const reclaimed = await reclaimExpired(models, channel, owner, now, policy.resendAmbiguous);
        if (reclaimed.inFlight + reclaimed.requeued > 0) log.warn({ channel, ...reclaimed }, "sender: reclaimed expired leases");
      }
      if (quietUntil && t >= nextQuietDeferAt) {
        nextQuietDeferAt = t + 60_000;
        const deferred = await deferDueOutreach(models, channel, now, quietUntil);
        if (deferred > 0) log.info({ channel, deferred, until: quietUntil }, "sender: outreach deferred to the end of quiet hours");
      }
      if (t < nextClaimAt || claiming || source.queue.length >= deps.batchSize / 2 || deps.pacer.pausedUntil() > t) return;
      claiming = refill(now, quietUntil)
        .then((added) => (added ? onRows() : (nextClaimAt = deps.now().getTime() + deps.idleMs)))
        .catch((error: unknown) => log.error({ err: error, channel }, "sender: claiming rows failed"))
        .finally(() => (claiming = null));
    },
    forget(rows) {
      for (const r of rows) held.delete(r._id);
    },
    claimNow: () => void (nextClaimAt = 0),
    async giveBack() {
      await claiming;
      const rows = source.queue;
      source.queue = [];
      source.forget(rows);
      await releaseUnsent(models, rows.map((r) => r._id), owner);
    },
  };

  async function refill(now: Date, quietUntil: Date | null): Promise<boolean> {
    const limit = deps.batchSize - source.queue.length;
    const outreachLimit = quietUntil ? 0 : await capAllowance(now);
    const claimed = await claimRows(models, {
      channel,
      owner,
      now,
      leaseMs: deps.rowLeaseMs,
      limit,
      ...(outreachLimit === undefined ? {} : { outreachLimit }),
      ...(policy.recipientsCanBlock === false ? {} : { blockedAmong: (contactKeys: string[]) => blockedAmong(models, contactKeys) }),
    });
    // A row another instance reclaimed from us while we held it can come back: hold it once.
    const rows = claimed.rows.filter((r) => !held.has(r._id));
    if (rows.length === 0) return false;
    const { blocked } = claimed;
    await recordBlockedWithoutSending(models, rows.filter((r) => blocked.has(r.contactKey)).map((r) => r._id), owner);
    const sendable = rows.filter((r) => !blocked.has(r.contactKey));
    for (const r of sendable) held.add(r._id);
    source.queue.push(...sendable);
    return sendable.length > 0;
  }

  /** Outreach rows the daily cap still allows today, or undefined when there is no cap. */
  async function capAllowance(now: Date): Promise<number | undefined> {
    const cap = policy.dailyCap;
    if (!cap) return undefined;
    const sentToday = await outreachSentSince(models, channel, localDayStart(now, cap.timezone));
    // Conservative: every unrecorded send counts as outreach.
    const holding = source.queue.filter((r) => isOutreach(r.lane)).length + deps.inFlight();
    const allowance = outreachAllowance(cap.limit, sentToday, holding);
    if (allowance === 0) log.info({ channel, limit: cap.limit, sentToday }, "sender: daily outreach cap reached; only replies go until local midnight");
    return allowance;
  }

  return source;
}
