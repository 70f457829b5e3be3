import { describe, expect, it } from "vitest";
import { Chat, ofType, returning, texts, withShipped } from "./helpers.js";

const JOIN = `
id: join
triggers:
  keywords: [signup, पंजीकरण, judo]
  commands: [/signup]
  deeplink: ["inv_*"]
start: hello
steps:
  hello:
    say: join.hello
    next: code
  code:
    ask: join.ask
    input: { type: text }
`;
const COORD = `
id: coord
triggers: { keywords: [team report], match: whole }
requires: { role: [coordinator] }
start: report
steps:
  report:
    say: coord.report
`;
const flows = withShipped({ "join.yaml": JOIN, "coord.yaml": COORD });

describe("triggers", () => {
  it("a keyword as the first word, in Hindi or English, starts the flow when idle", () => {
    expect(texts(returning(flows).send("SIGNUP please"))).toEqual(["hi|join.hello", "hi|join.ask"]);
    expect(texts(returning(flows).send("पंजीकरण"))).toEqual(["hi|join.hello", "hi|join.ask"]);
  });

  it("a whole-message keyword does not match as a first word", () => {
    expect(texts(returning(flows, { roles: ["coordinator"] }).send("team report"))).toEqual(["hi|coord.report"]);
    expect(texts(returning(flows, { roles: ["coordinator"] }).send("team report now"))).toEqual(["hi|menu.ask"]);
  });

  it("a slash command interrupts a running flow", () => {
    const c = returning(flows);
    c.send("menu");
    const fx = c.send("/signup");
    expect(texts(fx)).toEqual(["hi|join.hello", "hi|join.ask"]);
  });

  it("a deep-link payload starts its flow, even on first contact, with trigger.match", () => {
    const c = new Chat(flows);
    c.send("/start inv_AB12", { kind: "command", payload: "inv_AB12" });
    expect(c.session?.vars.trigger).toEqual({ payload: "inv_AB12", match: "AB12" });
    expect(c.last?.awaiting).toMatchObject({ flowId: "join" });
  });

  it("first contact starts onboarding; unknown text when idle starts the fallback menu", () => {
    const c = new Chat(flows);
    c.send("hello?");
    expect(c.last?.awaiting).toMatchObject({ flowId: "onboarding", stepId: "language" });
    expect(returning(flows).send("xyz").length).toBeGreaterThan(0);
  });

  it("a keyword typed while a question waits is an answer, not a trigger", () => {
    const c = returning(flows);
    c.send("signup");
    c.send("judo");
    expect(c.session?.current).toBeNull();
  });
});

describe("role guards", () => {
  it("a worker can never reach a coordinator flow", () => {
    const c = returning(flows, { roles: ["member"] });
    expect(texts(c.send("team report"))).toEqual(["hi|engine.not_allowed"]);
    expect(c.session?.current).toBeNull();
  });

  it("a proactive start of a guarded flow is refused silently", () => {
    const c = returning(flows, { roles: ["member"] });
    expect(c.event({ type: "proactive", contactKey: "tg:42", flowId: "coord" })).toEqual([]);
  });

  it("a proactive flow for a busy contact runs, then re-asks the waiting question", () => {
    const c = returning(flows, { roles: ["coordinator"] });
    c.send("signup");
    const fx = c.event({ type: "proactive", contactKey: "tg:42", flowId: "coord" });
    expect(texts(fx)).toEqual(["hi|coord.report", "hi|join.ask"]);
    expect(ofType(fx, "end_session")).toEqual([]);
  });
});
