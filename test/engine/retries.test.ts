import { describe, expect, it } from "vitest";
import { flowSet, ofType, returning, texts } from "./helpers.js";

const FLOW = `
id: epic
triggers: { keywords: [epic] }
start: ask
steps:
  ask:
    ask: q.epic
    input: { type: epic }
    retries: { max: 2, reprompt: [q.bad1, q.bad2], then: help }
    save: member.epic
    next: done
  help:
    say: q.help
  done:
    say: q.done
`;
const PLAIN = `
id: plain
triggers: { keywords: [plain] }
start: ask
steps:
  ask:
    ask: q.pin
    input: { type: pincode }
`;

describe("retry budgets", () => {
  const flows = flowSet({ "epic.yaml": FLOW, "plain.yaml": PLAIN });

  it("re-prompts with varied messages, then escapes to the `then` step", () => {
    const c = returning(flows);
    c.send("epic");
    expect(texts(c.send("nope"))).toEqual(["hi|q.bad1"]);
    expect(texts(c.send("still nope"))).toEqual(["hi|q.bad2"]);
    const fx = texts(c.send("again"));
    expect(fx).toEqual(["hi|q.help"]);
    expect(c.session?.current).toBeNull();
  });

  it("a valid answer resets nothing it should not and moves on", () => {
    const c = returning(flows);
    c.send("epic");
    c.send("nope");
    expect(texts(c.send("ABC1234567"))).toEqual(["hi|q.done"]);
    expect(c.session?.vars).toMatchObject({ member: { epic: "ABC1234567" } });
  });

  it("without reprompts uses errors.<reason>; without an escape ends politely after the default 3", () => {
    const c = returning(flows);
    c.send("plain");
    expect(texts(c.send("x"))).toEqual(["hi|errors.pincode"]);
    c.send("x");
    c.send("x");
    const fx = c.send("x");
    expect(texts(fx)).toEqual(["hi|engine.gave_up"]);
    expect(ofType(fx, "end_session")[0]?.reason).toBe("cancelled");
  });
});
