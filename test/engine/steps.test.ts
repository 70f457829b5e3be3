import { describe, expect, it } from "vitest";
import { flowSet, ofType, returning, texts } from "./helpers.js";

const FLOW = `
id: demo
triggers: { keywords: [demo] }
params: [camp.name]
start: hello
steps:
  hello:
    say: demo.hello
    image: "https://img/{{camp.name}}.png"
    document: "doc-1"
    next: name
  name:
    ask: demo.ask_name
    input: { type: text, min: 2, max: 20 }
    save: member.name
    next: count
  count:
    set: { tries: 2, label: "'x' + member.name", twice: "tries * 2" }
    next: check
  check:
    when: "twice == 4 and len(member.name) >= 2"
    then: lookup
    else: bad
  lookup:
    do: members.lookup
    args: { name: "{{member.name}}", n: "{{twice}}", fixed: 7 }
    save: found
    on_error: failed
    next: sub
  sub:
    call: child
    next: jump
  jump:
    goto: switch
  switch:
    contact: { language: "en" }
    next: finish
  finish:
    end: true
  bad:
    say: demo.bad
  failed:
    say: demo.failed
`;
const CHILD = `
id: child
start: hi
steps:
  hi:
    say: child.hi
`;

describe("step types", () => {
  const flows = flowSet({ "demo.yaml": FLOW, "child.yaml": CHILD });
  const running = () => {
    const c = returning(flows);
    c.send("demo");
    return c;
  };

  it("say sends text with an image and a document, then ask waits", () => {
    const fx = returning(flows).send("demo");
    const msgs = ofType(fx, "send_message");
    expect(msgs[0]).toMatchObject({ text: "hi|demo.hello", image: "https://img/.png", document: "doc-1" });
    expect(msgs[1]?.text).toBe("hi|demo.ask_name");
  });

  it("a proactive start passes params into the flow", () => {
    const c = returning(flows);
    const fx = c.event({ type: "proactive", contactKey: "tg:42", flowId: "demo", vars: { camp: { name: "jaipur" } } });
    expect(ofType(fx, "send_message")[0]?.image).toBe("https://img/jaipur.png");
    expect(c.last?.awaiting).toMatchObject({ type: "input", flowId: "demo", stepId: "name", input: "text" });
  });

  it("ask saves, set computes, when branches, do calls an action with rendered args and waits", () => {
    const c = running();
    const fx = c.send("Ravi");
    const call = ofType(fx, "call_action")[0];
    expect(call).toMatchObject({ name: "members.lookup", args: { name: "Ravi", n: 4, fixed: 7 } });
    expect(call?.key).toMatch(/^tg:42:\d+$/);
    expect(c.session?.vars).toMatchObject({ member: { name: "Ravi" }, tries: 2, label: "xRavi", twice: 4 });
    expect(c.last?.awaiting).toEqual({ type: "action", key: call?.key, name: "members.lookup" });
  });

  it("an action result is saved; call runs a subflow that returns; goto jumps; contact sets language; end ends", () => {
    const c = running();
    c.send("Ravi");
    const fx = c.result(true, { id: 9 });
    expect(c.session?.vars.found).toEqual({ id: 9 });
    expect(texts(fx)).toEqual(["hi|child.hi"]);
    expect(ofType(fx, "set_contact")).toEqual([expect.objectContaining({ language: "en" })]);
    expect(ofType(fx, "end_session")).toEqual([expect.objectContaining({ reason: "completed" })]);
    expect(c.session?.current).toBeNull();
    expect(c.session?.language).toBe("en");
  });

  it("a failed action goes to on_error", () => {
    const c = running();
    c.send("Ravi");
    expect(texts(c.result(false, "boom"))).toEqual(["hi|demo.failed"]);
  });

  it("a stale action result is ignored and changes nothing", () => {
    const c = running();
    c.send("Ravi");
    const before = c.session;
    const fx = c.event({ type: "action_result", contactKey: "tg:42", key: "other", ok: true, result: 1 });
    expect(fx).toEqual([]);
    expect(c.session).toBe(before);
  });
});
