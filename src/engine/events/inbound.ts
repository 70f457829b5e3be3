/**
 * An inbound message, in order: opted-out gate, global commands, deep-link payload, first contact,
 * slash-command triggers, the answer to a waiting question, then keyword triggers or the fallback
 * flow when idle.
 */
import { handleAnswer } from "../answer.js";
import { matchCommand, runCommand } from "../commands.js";
import { stepAt, type Ctx } from "../context.js";
import { goIdle, startFlow } from "../flow-run.js";
import { toAnswer, type Answer } from "../inputs/index.js";
import { ensureCurrent } from "../position.js";
import { commandTrigger, firstContactFlow, keywordTrigger, payloadTrigger, type TriggerHit } from "../triggers.js";
import type { InboundMessage } from "../types.js";

function interruptWith(ctx: Ctx, hit: TriggerHit): void {
  goIdle(ctx, "cancelled");
  startFlow(ctx, hit.flowId, { vars: hit.vars });
}

function answer(ctx: Ctx, a: Answer): void {
  const state = ensureCurrent(ctx);
  if (state === "gone") {
    startFlow(ctx, ctx.flows.global.fallback_flow);
    return;
  }
  const cur = ctx.s.current;
  const step = state === "ok" && cur !== null ? stepAt(ctx, cur) : undefined;
  if (step?.type === "ask" && cur !== null) handleAnswer(ctx, step, cur.stepId, a);
}

/** Handle an inbound message; false when it is ignored (no state change). */
export function onInbound(ctx: Ctx, msg: InboundMessage, firstContact: boolean): boolean {
  const a = toAnswer(msg);
  const cmd = matchCommand(ctx, msg.kind, a.folded);
  if (cmd !== undefined && (!ctx.s.optedOut || cmd.when_opted_out === true)) {
    runCommand(ctx, cmd);
    return true;
  }
  if (ctx.s.optedOut) return false;
  const trigger = payloadTrigger(ctx, msg) ?? (firstContact ? undefined : commandTrigger(ctx, a.folded));
  const first = firstContact && trigger === undefined ? firstContactFlow(ctx) : undefined;
  if (trigger !== undefined) interruptWith(ctx, trigger);
  else if (first !== undefined) startFlow(ctx, first);
  else if (ctx.s.wait?.type === "input") answer(ctx, a);
  else if (ctx.s.wait?.type === "action") return false;
  else {
    const keyword = keywordTrigger(ctx, a.folded);
    startFlow(ctx, keyword?.flowId ?? ctx.flows.global.fallback_flow, { vars: keyword?.vars ?? {} });
  }
  return true;
}
