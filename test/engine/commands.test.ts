import { describe, expect, it } from "vitest";
import { ofType, returning, texts, withShipped, type Chat } from "./helpers.js";

const ASK = `
id: survey
triggers: { keywords: [survey] }
start: one
steps:
  one:
    ask: q.one
    input: { type: integer }
    next: two
  two:
    ask: q.two
    input: { type: yesno }
`;
const flows = withShipped({ "survey.yaml": ASK });

function inSurvey(): Chat {
  const c = returning(flows);
  c.send("survey");
  return c;
}

describe("global commands", () => {
  it("STOP opts out only as the whole message, and is confirmed", () => {
    const c = inSurvey();
    expect(texts(c.send("stop the reminder"))).toEqual(["hi|errors.integer"]);
    const fx = c.send("  STOP! ");
    expect(ofType(fx, "set_contact")).toEqual([expect.objectContaining({ optedOut: true })]);
    expect(texts(fx)).toEqual(["hi|optout.done"]);
    expect(c.session?.optedOut).toBe(true);
    expect(c.session?.current).toBeNull();
  });

  it("रोकें works too; an opted-out contact is ignored until START / शुरू", () => {
    const c = inSurvey();
    c.send("रोकें");
    expect(c.send("survey")).toEqual([]);
    expect(c.send("help")).toEqual([]);
    const fx = c.send("शुरू");
    expect(ofType(fx, "set_contact")).toEqual([expect.objectContaining({ optedOut: false })]);
    expect(texts(fx)).toEqual(["hi|optin.welcome", "hi|menu.ask"]);
  });

  it("HELP answers and returns to the waiting question", () => {
    const c = inSurvey();
    c.send("5");
    const fx = texts(c.send("मदद"));
    expect(fx).toEqual(["hi|help.text", "hi|q.two"]);
    expect(c.last?.awaiting).toMatchObject({ stepId: "two" });
  });

  it("LANGUAGE switches language and returns to the question in the new language", () => {
    const c = inSurvey();
    c.send("भाषा");
    const fx = c.send("2");
    expect(texts(fx)).toEqual(["en|language.changed", "en|q.one"]);
    expect(c.session?.language).toBe("en");
  });

  it("MENU interrupts the current flow", () => {
    const c = inSurvey();
    const fx = c.send("menu");
    expect(ofType(fx, "end_session")[0]?.reason).toBe("cancelled");
    expect(texts(fx)).toEqual(["hi|menu.ask"]);
    expect(c.last?.awaiting).toMatchObject({ flowId: "menu" });
  });

  it("CANCEL ends the flow; BACK re-asks the previous question", () => {
    const c = inSurvey();
    c.send("5");
    expect(texts(c.send("पीछे"))).toEqual(["hi|q.one"]);
    expect(texts(c.send("back"))).toEqual(["hi|engine.cannot_go_back"]);
    const fx = c.send("रद्द");
    expect(texts(fx)).toEqual(["hi|engine.cancelled"]);
    expect(c.session?.current).toBeNull();
  });

  it("a tapped button never triggers a command", () => {
    const c = inSurvey();
    expect(texts(c.send("", { kind: "choice", choice: "stop" }))).toEqual(["hi|errors.integer"]);
  });
});
