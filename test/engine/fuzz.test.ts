/**
 * Fuzz: 10,000 hostile inputs spread over every waiting ask step of every shipped flow, in both
 * languages. The engine must never throw, and must always answer with a translated message.
 */
import { describe, expect, it } from "vitest";
import { openCtx } from "../../src/engine/context.js";
import { runSteps } from "../../src/engine/flow-run.js";
import { createSession, resume, type InboundMessage, type Lang, type Session } from "../../src/engine/index.js";
import { createTranslator } from "../../src/i18n/index.js";
import { shippedFlows, T0 } from "./helpers.js";

/** mulberry32: a tiny seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "", " ", "😀", "👍🏽", "🇮🇳", "مرحبا", "שלום", "\u200b", "\u200d", "\u202e", "\ufeff", "\u0000", "\u0007", "\u001b[31m", "\t\n\r",
  "१", "२", "३", "४", "०", "हाँ", "नहीं", "और", "मदद", "रोकें", "stop", "STOP", "1", "2", "3", "99", "-1", "1.5", "more",
  "__proto__", "constructor", "{{x}}", "$t(engine.more)", "<script>", "'; DROP", "ÿ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "क्‍ष", "ﷺ", "\ud800",
];

function randomText(rnd: () => number): string {
  const r = rnd();
  if (r < 0.03) return "x".repeat(5000);
  if (r < 0.05) return Array.from({ length: 5000 }, () => String.fromCharCode(Math.floor(rnd() * 0xffff))).join("");
  const n = Math.floor(rnd() * 4);
  return Array.from({ length: n }, () => PIECES[Math.floor(rnd() * PIECES.length)] ?? "").join(rnd() < 0.5 ? " " : "");
}

function randomMessage(rnd: () => number, i: number): InboundMessage {
  const base = { channel: "fuzz", eventId: `f${i}`, contactKey: "fuzz:1" };
  const r = rnd();
  if (r < 0.05) return { ...base, kind: "photo", media: rnd() < 0.5 ? "" : "m1" };
  if (r < 0.08) return { ...base, kind: "location", location: { lat: rnd() * 400 - 200, lon: Number.NaN } };
  if (r < 0.11) return { ...base, kind: "contact", contact: { phone: randomText(rnd), isOwn: rnd() < 0.5 } };
  if (r < 0.16) return { ...base, kind: "choice", choice: randomText(rnd) };
  if (r < 0.2) return { ...base, kind: "command", text: `/${randomText(rnd)}`, payload: randomText(rnd) };
  return { ...base, kind: "text", text: randomText(rnd) };
}

const flows = shippedFlows();
const t = createTranslator();
const ports = { now: () => T0, t };

/** A session waiting at `stepId`, entered the way the engine enters it. */
function waitingAt(flowId: string, stepId: string, language: Lang): Session {
  const lf = flows.flows[flowId]!;
  const s = createSession("fuzz:1", { language });
  s.seq = 7;
  s.current = { flowId, revision: lf.revision, stepId };
  const ctx = openCtx(flows, ports, s);
  runSteps(ctx);
  return ctx.s;
}

const askSteps = Object.values(flows.flows).flatMap((lf) =>
  // A choice with a `source` first waits for its options from an action, which this pure fuzz has none of.
  Object.entries(lf.flow.steps).flatMap(([id, step]) =>
    step.type === "ask" && !(step.input.type === "choice" && step.input.source !== undefined) ? [[lf.flow.id, id] as const] : [],
  ),
);
const RAW_KEY = /^[a-z_]+(\.[a-z_]+)+$/;

/** Why a result is unacceptable, or null: it must reply, translated, with unique ids and JSON state. */
function verdict(res: ReturnType<typeof resume>): string | null {
  const replies = res.effects.flatMap((e) => (e.type === "send_message" ? [e.text] : []));
  // An answer followed by an action step is replied to once the action's result comes back.
  if (replies.length === 0 && res.session.wait?.type !== "action") return "no reply";
  if (replies.some((text) => RAW_KEY.test(text))) return `untranslated ${replies.join("|")}`;
  if (new Set(res.effects.map((e) => e.id)).size !== res.effects.length) return "duplicate effect ids";
  if (JSON.stringify(JSON.parse(JSON.stringify(res.session))) !== JSON.stringify(res.session)) return "session not JSON";
  return null;
}

describe("fuzz", () => {
  it("has waiting steps to fuzz", () => {
    expect(askSteps.length).toBeGreaterThanOrEqual(4);
  });

  it("10,000 random inputs at every waiting step never throw and always get a localized reply", () => {
    const rnd = prng(20250101);
    const starts = askSteps.flatMap(([f, s]) => (["hi", "en"] as const).map((lang) => waitingAt(f, s, lang)));
    for (const s of starts) expect(s.wait?.type).toBe("input");
    const failures: string[] = [];
    for (let i = 0; i < 10_000; i++) {
      const session = starts[i % starts.length]!;
      const msg = randomMessage(rnd, i);
      const res = resume(flows, session, { type: "inbound", ...msg }, ports);
      const problem = verdict(res);
      if (problem !== null) failures.push(`${problem}: ${JSON.stringify(msg).slice(0, 120)}`);
    }
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
