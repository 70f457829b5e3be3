/** Which flow an inbound message starts: deep-link payloads, slash commands, keywords, first contact. */
import type { Ctx } from "./context.js";
import type { Flow } from "./schema/index.js";
import { firstWord, foldForMatch } from "./text/normalize.js";
import type { InboundMessage, Vars } from "./types.js";

/** A flow to start and the `trigger.*` variables it gets. */
export interface TriggerHit {
  flowId: string;
  vars: Vars;
}

function flowsSorted(ctx: Ctx): Flow[] {
  return Object.keys(ctx.flows.flows)
    .sort()
    .flatMap((id) => {
      const lf = ctx.flows.flows[id];
      return lf === undefined ? [] : [lf.flow];
    });
}

/** Match a deep-link pattern (`ref_*`); returns what `*` matched, or null. */
export function matchPattern(pattern: string, payload: string): string | null {
  const re = new RegExp(`^${pattern.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("(.*)")}$`, "s");
  const m = re.exec(payload);
  return m === null ? null : (m[1] ?? "");
}

/** A flow whose deep-link pattern matches the message's payload. */
export function payloadTrigger(ctx: Ctx, msg: InboundMessage): TriggerHit | undefined {
  const payload = msg.payload;
  if (payload === undefined || payload === "") return undefined;
  for (const flow of flowsSorted(ctx)) {
    for (const pattern of flow.triggers?.deeplink ?? []) {
      const match = matchPattern(pattern, payload);
      if (match !== null) return { flowId: flow.id, vars: { trigger: { payload, match } } };
    }
  }
  return undefined;
}

/** A flow started by a slash command (`/join`). */
export function commandTrigger(ctx: Ctx, folded: string): TriggerHit | undefined {
  const word = firstWord(folded);
  if (!word.startsWith("/")) return undefined;
  const flow = flowsSorted(ctx).find((f) => (f.triggers?.commands ?? []).includes(word));
  return flow === undefined ? undefined : { flowId: flow.id, vars: { trigger: { text: folded, rest: restOf(folded) } } };
}

function restOf(folded: string): string {
  const i = folded.indexOf(" ");
  return i < 0 ? "" : folded.slice(i + 1);
}

/** A flow whose keyword is the whole message or (by default) its first word. */
export function keywordTrigger(ctx: Ctx, folded: string): TriggerHit | undefined {
  const first = firstWord(folded);
  for (const flow of flowsSorted(ctx)) {
    const words = (flow.triggers?.keywords ?? []).map(foldForMatch);
    const whole = flow.triggers?.match === "whole";
    if (words.includes(folded) || (!whole && words.includes(first))) {
      return { flowId: flow.id, vars: { trigger: { text: folded, rest: restOf(folded) } } };
    }
  }
  return undefined;
}

/** The flow for a person writing for the first time, if one is marked. */
export function firstContactFlow(ctx: Ctx): string | undefined {
  return flowsSorted(ctx).find((f) => f.triggers?.first_contact === true)?.id;
}
