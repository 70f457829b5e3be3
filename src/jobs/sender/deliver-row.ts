/**
 * Delivers one leased outbox row: renders it into parts, sends each part as one provider call
 * (resuming after parts an earlier attempt delivered), and records the outcome on the row. The
 * caller marked the row as sending; every part waits for its pacing slot right before its call,
 * and later parts mark themselves.
 */
import type { Channel, OutboundPayload } from "../../channels/channel.js";
import type { Logger } from "../../log.js";
import type { OutboxDoc, RuntimeModels } from "../../store/models/runtime-models.js";
import { setContactReachable } from "./contact-flags.js";
import { decideAfterFailure } from "./outcome.js";
import { markSending, recordDecision, recordPartSent } from "./outbox-rows.js";
import type { Pacer } from "./pacer.js";
import type { SendPolicy } from "./policy.js";
import type { SentBuffer } from "./sent-buffer.js";

export interface DeliveryContext {
  models: RuntimeModels;
  channel: Channel;
  policy: SendPolicy;
  /** Paces the provider calls themselves, at the moment they go out (see sender.ts). */
  pacer: Pacer;
  /** Halts dispatching as well as the calls (a 429, a capped identity). */
  pause(untilMs: number): void;
  owner: string;
  leaseMs: number;
  now(): Date;
  random(): number;
  log: Logger;
  sent: SentBuffer;
  /** Stores the identity's breaker so every instance stops until `until`. */
  tripBreaker(until: Date, reason: string): Promise<void>;
  /** Told each row whose parts all went out, before its success is recorded. */
  onDelivered?(row: OutboxDoc): void;
}

export async function deliverRow(ctx: DeliveryContext, row: OutboxDoc): Promise<void> {
  const { models, channel, owner } = ctx;
  const parts = channel.render(row.payload as OutboundPayload);
  const resumeAt = row.partsSent ?? 0;
  if (parts.length === 0) {
    const decision = { state: "failed", attempts: row.attempts + 1, lastError: "nothing to send", blockContact: false } as const;
    return recordDecision(models, row._id, owner, decision, 0);
  }
  let providerId = row.providerId ?? "";
  for (let index = resumeAt; index < parts.length; index++) {
    await waitForSlot(ctx, row.recipient);
    const mark = index > resumeAt && ctx.policy.markInFlight !== false;
    if (mark && !(await markSending(models, row._id, owner, ctx.now(), ctx.leaseMs))) return; // reclaimed by someone else
    const part = parts[index];
    if (!part) break;
    try {
      providerId = await channel.send({ recipient: row.recipient, part, key: `${row._id}:${index}` });
    } catch (error) {
      return handleFailure(ctx, row, index, error);
    }
    if (index + 1 < parts.length) await recordPartSent(models, row._id, owner, index + 1);
  }
  ctx.onDelivered?.(row);
  ctx.sent.add({ id: row._id, providerId, partsSent: parts.length, at: ctx.now() });
}

async function handleFailure(ctx: DeliveryContext, row: OutboxDoc, partsSent: number, error: unknown): Promise<void> {
  const now = ctx.now();
  const failure = ctx.channel.classify(error);
  const decision = decideAfterFailure(failure, row.attempts, ctx.policy, now, ctx.random);
  const detail = error instanceof Error ? error.message : String(error);
  await recordDecision(ctx.models, row._id, ctx.owner, { ...decision, lastError: `${decision.lastError}: ${detail}`.slice(0, 500) }, partsSent);
  if (decision.state === "queued" && decision.pauseUntil) ctx.pause(decision.pauseUntil.getTime());
  if (decision.state === "queued" && decision.tripBreaker) {
    await ctx.tripBreaker(decision.notBefore, detail.slice(0, 200));
    ctx.log.warn({ channel: row.channel, until: decision.notBefore }, "sender: the provider capped this identity; the channel is paused");
  }
  if (decision.state !== "queued" && decision.blockContact) await setContactReachable(ctx.models, row.contactKey, false, now);
  const fields = { channel: row.channel, outboxId: row._id, contactKey: row.contactKey, failure: failure.kind, state: decision.state, attempts: decision.attempts };
  if (decision.state === "failed" || decision.state === "ambiguous") ctx.log.warn({ ...fields, err: error }, "sender: message not delivered");
  else ctx.log.info(fields, "sender: send failed");
}

async function waitForSlot(ctx: DeliveryContext, chat: string): Promise<void> {
  for (;;) {
    const now = ctx.now().getTime();
    const wait = ctx.pacer.waitMs(chat, now);
    if (wait === 0) return ctx.pacer.take(chat, now);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
