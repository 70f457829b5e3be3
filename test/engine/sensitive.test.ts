import { describe, expect, it } from "vitest";
import { awaitsSensitiveAnswer } from "../../src/engine/index.js";
import { Chat, flowSet } from "./helpers.js";

const FLOW = `
id: ask_twice
triggers: { keywords: [go] }
start: plain
steps:
  plain:
    ask: q.plain
    input: { type: text }
    save: a
    next: secret
  secret:
    ask: q.secret
    input: { type: text }
    sensitive: true
    save: b
    next: after
  after:
    say: q.done
`;

describe("sensitive questions", () => {
  it("tells the runtime when the next message answers a sensitive: true question, and only then", () => {
    const flows = flowSet({ "flows/ask-twice.yaml": FLOW });
    const chat = new Chat(flows);
    expect(awaitsSensitiveAnswer(flows, chat.session)).toBe(false);
    chat.send("go");
    expect(awaitsSensitiveAnswer(flows, chat.session)).toBe(false);
    chat.send("first answer");
    expect(awaitsSensitiveAnswer(flows, chat.session)).toBe(true);
    chat.send("the secret");
    expect(awaitsSensitiveAnswer(flows, chat.session)).toBe(false);
  });

  it("answers false for a position the flows no longer have", () => {
    const flows = flowSet({ "flows/ask-twice.yaml": FLOW });
    const chat = new Chat(flows);
    chat.send("go");
    chat.send("first answer");
    const moved = { ...chat.session!, current: { ...chat.session!.current!, stepId: "constructor" } };
    expect(awaitsSensitiveAnswer(flows, moved)).toBe(false);
    expect(awaitsSensitiveAnswer(flows, { ...moved, current: { ...moved.current, flowId: "gone" } })).toBe(false);
  });
});
