import { describe, expect, it } from "vitest";
import { flowSet, ofType, returning, texts, T0 } from "./helpers.js";

const FLOW = `
id: camp
triggers: { keywords: [camp] }
expires: 1d
start: confirm
steps:
  confirm:
    ask: camp.confirm
    input: { type: yesno }
    timeout: { after: 2h, goto: nudge }
    next: thanks
  nudge:
    say: camp.nudge
  thanks:
    say: camp.thanks
`;
const flows = flowSet({ "camp.yaml": FLOW });

describe("durable timers", () => {
  it("a wait schedules its timeout and the flow's expiry", () => {
    const c = returning(flows);
    const fx = c.send("camp");
    const at = ofType(fx, "schedule_timer").map((e) => e.at);
    expect(at).toEqual([new Date(T0 + 2 * 3600_000).toISOString(), new Date(T0 + 86400_000).toISOString()]);
    expect(c.last?.awaiting).toMatchObject({ timeoutAt: new Date(T0 + 2 * 3600_000).toISOString() });
  });

  it("the timeout fires without any inbound message and continues at goto", () => {
    const c = returning(flows);
    const fx = c.send("camp");
    const timeout = ofType(fx, "schedule_timer")[0]!;
    c.now += 2 * 3600_000;
    const fired = c.fire(timeout.timerId);
    expect(texts(fired)).toEqual(["hi|camp.nudge"]);
    expect(ofType(fired, "cancel_timer").length).toBe(1); // the expiry timer
    expect(c.session?.timers).toEqual([]);
  });

  it("a valid answer cancels the timeout; a timer that fires late is ignored", () => {
    const c = returning(flows);
    const timeout = ofType(c.send("camp"), "schedule_timer")[0]!;
    const fx = c.send("haan");
    expect(ofType(fx, "cancel_timer").map((e) => e.timerId)).toContain(timeout.timerId);
    const before = c.session;
    expect(c.fire(timeout.timerId)).toEqual([]);
    expect(c.session).toBe(before);
  });

  it("the expiry timer ends the flow quietly", () => {
    const c = returning(flows);
    const expiry = ofType(c.send("camp"), "schedule_timer")[1]!;
    const fx = c.fire(expiry.timerId);
    expect(texts(fx)).toEqual([]);
    expect(ofType(fx, "end_session")[0]?.reason).toBe("expired");
  });

  it("a message after the expiry time ends the old flow and is handled fresh", () => {
    const c = returning(flows);
    c.send("camp");
    c.now += 2 * 86400_000;
    const fx = c.send("camp");
    expect(ofType(fx, "end_session")[0]?.reason).toBe("expired");
    expect(texts(fx)).toEqual(["hi|camp.confirm"]);
  });
});
