import { describe, expect, it } from "vitest";
import { flowSet, ofType, returning, texts } from "./helpers.js";
import { planEdit, type FlowSet } from "../../src/engine/index.js";

const V1 = `
id: reg
triggers: { keywords: [reg] }
start: name
steps:
  name:
    ask: reg.name
    input: { type: text }
    next: age
  age:
    ask: reg.age
    input: { type: age }
    next: done
  done:
    say: reg.done
`;
const v1 = flowSet({ "reg.yaml": V1 });

function waitingAtAge(next: FlowSet) {
  const c = returning(v1);
  c.send("reg");
  c.send("Asha");
  c.flows = next;
  return c;
}

describe("safe edits mid-flow", () => {
  it("same step id: continues, pinned to the new revision", () => {
    const v2 = flowSet({ "reg.yaml": V1.replace("say: reg.done", "say: reg.done_v2") });
    const c = waitingAtAge(v2);
    const fx = c.send("30");
    expect(texts(fx)).toEqual(["hi|reg.done_v2"]);
  });

  it("renamed step: follows the moved map", () => {
    const v2 = flowSet({ "reg.yaml": V1.replace("  age:\n", "  years:\n").replace("next: age", "next: years") + "moved: { age: years }\n" });
    const c = waitingAtAge(v2);
    expect(texts(c.send("30"))).toEqual(["hi|reg.done"]);
  });

  it("removed step: restarts the flow with a polite message, never a crash", () => {
    const v2 = flowSet({ "reg.yaml": V1.replace("  age:\n    ask: reg.age\n    input: { type: age }\n    next: done\n", "").replace("next: age", "next: done") });
    const c = waitingAtAge(v2);
    const fx = c.send("30");
    expect(texts(fx)).toEqual(["hi|engine.restarted", "hi|reg.name"]);
  });

  it("a step id reused for a different kind of step also restarts", () => {
    const v2 = flowSet({ "reg.yaml": V1.replace("ask: reg.age\n    input: { type: age }", "say: reg.age") });
    const c = waitingAtAge(v2);
    expect(texts(c.send("30"))[0]).toBe("hi|engine.restarted");
  });

  it("removed flow: says so, ends, and handles the message from idle", () => {
    const v2 = flowSet({ "other.yaml": "id: other\nstart: a\nsteps:\n  a: { say: o.a }\n" });
    const c = waitingAtAge(v2);
    const fx = c.send("30");
    expect(texts(fx)[0]).toBe("hi|engine.restarted");
    expect(ofType(fx, "end_session")[0]?.reason).toBe("restarted");
  });
});

describe("edit plan", () => {
  it("counts what an edit would do to waiting sessions", () => {
    const c = returning(v1);
    c.send("reg");
    const waiting = c.session!;
    const idle = returning(v1).session!;
    const renamed = flowSet({ "reg.yaml": V1.replace("  name:\n", "  full_name:\n").replace("start: name", "start: full_name") + "moved: { name: full_name }\n" });
    expect(planEdit(v1, [waiting, idle])).toEqual({ same: 1, moved: 0, restart: 0, gone: 0 });
    expect(planEdit(renamed, [waiting])).toEqual({ same: 0, moved: 1, restart: 0, gone: 0 });
    expect(planEdit(flowSet({}), [waiting])).toEqual({ same: 0, moved: 0, restart: 0, gone: 1 });
  });
});
