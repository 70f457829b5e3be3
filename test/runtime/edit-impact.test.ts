import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { planEditForStore } from "../../src/runtime/edit-impact.js";
import { ROOT, loadShippedFlows, startTestSampark, type TestSampark } from "../support/sampark.js";

describe("flow edit impact on waiting conversations", () => {
  let sampark: TestSampark;
  beforeAll(async () => {
    sampark = await startTestSampark();
    const say = (contact: string, i: number, text: string) =>
      sampark.runtime.receive({ channel: "web", eventId: `${contact}-${i}`, contactKey: `web:${contact}`, kind: "text", text });
    await say("at-language", 0, "hi"); // waits at onboarding.language
    for (const [i, text] of ["hi", "1"].entries()) await say("at-menu", i, text); // waits at menu.choose
    for (const [i, text] of ["hi", "1", "भाषा"].entries()) await say("at-language-flow", i, text); // waits at language.choose
    for (const [i, text] of ["hi", "1", "रोकें"].entries()) await say("idle", i, text); // opted out, no flow
  });
  afterAll(async () => sampark?.stop());

  it("counts every waiting conversation as continuing when nothing changed", async () => {
    expect(await planEditForStore(sampark.models, loadShippedFlows())).toEqual({ same: 3, moved: 0, restart: 0, gone: 0, waiting: 3 });
  });

  it("reports renamed steps as moved when mapped and as restarts when not", async () => {
    const edited = loadShippedFlows(path.join(ROOT, "test/fixtures/edited-flows"));
    expect(await planEditForStore(sampark.models, edited)).toEqual({ same: 1, moved: 1, restart: 1, gone: 0, waiting: 3 });
  });
});
