import { describe, expect, it } from "vitest";
import { createSession, loadFlowSet, parseFlowSource, resume } from "../../src/engine/index.js";
import { GLOBAL_YAML, fakeT, shippedFlows } from "./helpers.js";

describe("loading flow files", () => {
  it("loads the shipped flows with a content-hash revision per file", () => {
    const r = loadFlowSet("flows");
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.flows.flows.menu?.revision).toMatch(/^[0-9a-f]{16}$/);
  });

  it("reports YAML syntax and schema errors with file and line", () => {
    const r = parseFlowSource({
      "flows/_global.yaml": GLOBAL_YAML,
      "flows/a.yaml": "id: a\nstart: s\nsteps:\n  s:\n    say: x.y\n    next: [oops\n",
      "flows/b.yaml": "id: b\nstart: s\nsteps:\n  s:\n    ask: x.y\n    input: { type: text, min: -1 }\n",
      "flows/c.yaml": "id: c\nstart: s\nsteps:\n  s:\n    wave: hand\n",
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = r.errors.map((e) => `${e.file}:${e.line}:${e.code}`);
    expect(lines).toContain("flows/a.yaml:7:yaml_syntax");
    expect(lines).toContain("flows/b.yaml:6:schema");
    expect(lines).toContain("flows/c.yaml:4:schema");
  });

  it("refuses duplicate flow ids and a missing _global.yaml", () => {
    const dup = parseFlowSource({ "flows/_global.yaml": GLOBAL_YAML, "a.yaml": "id: a\nstart: s\nsteps: { s: { end: true } }\n", "b.yaml": "id: a\nstart: s\nsteps: { s: { end: true } }\n" });
    expect(!dup.ok && dup.errors[0]?.code).toBe("duplicate_flow");
    const none = parseFlowSource({ "a.yaml": "id: a\nstart: s\nsteps: { s: { end: true } }\n" });
    expect(!none.ok && none.errors[0]?.code).toBe("missing_global");
  });
});

describe("sessions", () => {
  it("are plain JSON that survives a round trip through storage", () => {
    const flows = shippedFlows();
    const ports = { now: () => 0, t: fakeT };
    const a = resume(flows, null, { type: "inbound", channel: "t", eventId: "1", contactKey: "c", kind: "text", text: "hi" }, ports);
    const stored = JSON.parse(JSON.stringify(a.session));
    const b = resume(flows, stored, { type: "inbound", channel: "t", eventId: "2", contactKey: "c", kind: "text", text: "2" }, ports);
    expect(b.session.language).toBe("en");
  });

  it("never mutate the session passed in, and ids grow across resumes", () => {
    const flows = shippedFlows();
    const ports = { now: () => 0, t: fakeT };
    const s = createSession("c");
    const frozen = JSON.stringify(s);
    const a = resume(flows, s, { type: "inbound", channel: "t", eventId: "1", contactKey: "c", kind: "text", text: "hi" }, ports);
    expect(JSON.stringify(s)).toBe(frozen);
    const b = resume(flows, a.session, { type: "inbound", channel: "t", eventId: "2", contactKey: "c", kind: "text", text: "1" }, ports);
    const ids = [...a.effects, ...b.effects].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
