import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { InboundMessage, Session } from "../../src/engine/types.js";
import { recentDates } from "../support/recent-dates.js";
import { ROOT, loadShippedFlows, startEmbeddedForTest, startTestSampark, type TestSampark } from "../support/sampark.js";

const at = recentDates("2026-11-23T10:00:00+05:30");
const flows = loadShippedFlows(path.join(ROOT, "test/fixtures/runtime-flows"));
const strings = {
  tally: { ask: "Say something", report: "Log: {{log}}", nudge: "Still there?" },
  engine: { restarted: "r", gave_up: "g", failed: "f", not_allowed: "n", cancelled: "c", cannot_go_back: "b", more: "m", yes: "y", no: "n" },
};
const resources = { en: strings, hi: strings };

function text(contact: string, eventId: string, body: string): InboundMessage {
  return { channel: "web", eventId, contactKey: `web:${contact}`, kind: "text", text: body };
}

async function outboxTexts(sampark: TestSampark, contact: string): Promise<string[]> {
  const rows = await sampark.models.outbox.find({ contactKey: `web:${contact}` }).sort({ seq: 1 }).lean();
  return rows.map((r) => (r.payload as { text: string }).text);
}

async function sessionLog(sampark: TestSampark, contact: string): Promise<string> {
  const doc = await sampark.models.sessions.findById(`web:${contact}`).lean();
  return String((doc?.state as Session | undefined)?.vars["log"] ?? "");
}

describe("runtime pipeline on the embedded store", () => {
  let store: { uri: string; stop(): Promise<void> };
  let a: TestSampark;
  let b: TestSampark;
  let clock = at("2026-11-23T10:00:00+05:30");

  beforeAll(async () => {
    store = await startEmbeddedForTest();
    const uri = `${store.uri}/pipeline`;
    a = await startTestSampark({ uri, flows, resources, now: () => clock });
    b = await startTestSampark({ uri, flows, resources, now: () => clock });
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await store?.stop();
  });

  it("answers the same inbound event delivered twice only once", async () => {
    expect(await a.runtime.receive(text("dup", "e1", "hello"))).toEqual({ duplicate: false });
    expect(await a.runtime.receive(text("dup", "e1", "hello"))).toEqual({ duplicate: true });
    expect(await b.runtime.receive(text("dup", "e1", "hello"))).toEqual({ duplicate: true });
    expect(await outboxTexts(a, "dup")).toEqual(["Say something"]);
  });

  it("processes an event that was logged but never processed (crash after logging) instead of dropping it", async () => {
    await a.models.inboundEvents.create({
      _id: "web:logged-only",
      contactKey: "web:crash",
      event: { type: "inbound", ...text("crash", "logged-only", "hello") },
      receivedAt: clock,
      processedAt: null,
      attempts: 0,
    });
    expect(await a.runtime.receive(text("crash", "logged-only", "hello"))).toEqual({ duplicate: false });
    expect(await outboxTexts(a, "crash")).toEqual(["Say something"]);
  });

  it("processes one contact's events in arrival order with no lost update when two runtimes drain at once", async () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const base = clock.getTime();
    for (const [i, word] of ["start", ...words].entries()) {
      await a.models.inboundEvents.create({
        _id: `web:race-${i}`,
        contactKey: "web:race",
        event: { type: "inbound", ...text("race", `race-${i}`, word) },
        receivedAt: new Date(base + i),
        processedAt: null,
        attempts: 0,
      });
    }
    await Promise.all([a.runtime.drain("web:race"), b.runtime.drain("web:race"), a.runtime.drain("web:race"), b.runtime.drain("web:race")]);
    expect(await sessionLog(a, "race")).toBe(words.map((w) => `${w};`).join(""));
    const texts = await outboxTexts(a, "race");
    expect(texts.filter((t) => t.startsWith("Log:"))).toHaveLength(words.length);
    expect(texts.at(-2)).toBe(`Log: ${words.map((w) => `${w};`).join("")}`);
  });

  it("loses no update when two runtimes receive one contact's messages concurrently", async () => {
    await a.runtime.receive(text("live", "live-0", "start"));
    const words = Array.from({ length: 10 }, (_, i) => `v${i}`);
    await Promise.all(words.map((w, i) => (i % 2 === 0 ? a : b).runtime.receive(text("live", `live-${i + 1}`, w))));
    const log = await sessionLog(a, "live");
    expect(log.split(";").filter(Boolean).sort()).toEqual([...words].sort());
  });

  it("fires a wait's timeout from the timer job with no inbound message, holding it through quiet hours", async () => {
    clock = at("2026-11-23T21:40:00+05:30");
    await a.runtime.receive(text("sleepy", "s1", "start"));
    expect(await outboxTexts(a, "sleepy")).toEqual(["Say something"]);

    clock = at("2026-11-23T22:20:00+05:30"); // timeout due at 22:10, but quiet hours began at 22:00
    await a.jobs.timers.run();
    expect(await outboxTexts(a, "sleepy")).toEqual(["Say something"]);

    clock = at("2026-11-24T06:01:00+05:30");
    await a.jobs.timers.run();
    await b.jobs.timers.run(); // a second instance ticking too fires nothing twice
    expect(await outboxTexts(a, "sleepy")).toEqual(["Say something", "Still there?", "Say something"]);
    clock = at("2026-11-23T10:00:00+05:30");
  });

  it("applies effects a crash left committed but unapplied, from the recovery job", async () => {
    const stale = new Date(clock.getTime() - 60_000);
    await a.models.sessions.create({
      _id: "web:recover",
      version: 3,
      state: {},
      pendingEffects: [{ lane: "reply", effect: { type: "send_message", id: "web:recover:7:0", text: "committed before the crash" } }],
      hasPending: true,
      recentEventIds: [],
      updatedAt: stale,
    });
    // A second session crashed after its outbox rows were inserted but before they were cleared.
    await a.models.sessions.create({
      _id: "web:recover-half",
      version: 2,
      state: {},
      pendingEffects: [
        { lane: "reply", effect: { type: "send_message", id: "web:recover-half:4:0", text: "first" } },
        { lane: "reply", effect: { type: "send_message", id: "web:recover-half:4:1", text: "second" } },
      ],
      hasPending: true,
      recentEventIds: [],
      updatedAt: stale,
    });
    await a.models.outbox.create({
      _id: "web:recover-half:4:0", channel: "web", contactKey: "web:recover-half", recipient: "recover-half", lane: "reply",
      payload: { text: "first" }, seq: 2000, state: "sent", notBefore: stale, attempts: 1, createdAt: stale, sentAt: stale,
    });
    await a.jobs.recovery.run();
    expect(await outboxTexts(a, "recover")).toEqual(["committed before the crash"]);
    expect(await outboxTexts(a, "recover-half")).toEqual(["first", "second"]);
    expect((await a.models.outbox.findById("web:recover-half:4:0").lean())?.state).toBe("sent");
    const doc = await a.models.sessions.findById("web:recover").lean();
    expect(doc?.hasPending).toBe(false);
    await a.jobs.recovery.run();
    expect(await outboxTexts(a, "recover")).toHaveLength(1);
  });
});
