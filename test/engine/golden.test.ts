/**
 * Golden transcripts: shipped flows + scripted inputs in, every effect out, in both languages,
 * with a pinned clock and contact key. Update with `npx vitest run test/engine/golden -u`.
 */
import { describe, expect, it } from "vitest";
import { createTranslator } from "../../src/i18n/index.js";
import { Chat, shippedFlows } from "./helpers.js";

const flows = shippedFlows();
const t = createTranslator();

/** Run a script from a first contact; returns the transcript. */
function transcript(script: string[]): { in: string; out: unknown[] }[] {
  const chat = new Chat(flows, { t, contactKey: "web:golden" });
  return script.map((text) => ({ in: text, out: chat.send(text) }));
}

const SCRIPTS: Record<string, string[]> = {
  "onboarding-hi": ["नमस्ते", "1", "१", "मदद", "भाषा", "हिंदी", "3", "नहीं"],
  "onboarding-en": ["hello", "English", "xyz", "9", "help", "pichhe", "2", "2", "3", "yes", "menu", "START", "cancel"],
  "stop-start-hi": ["नमस्ते", "हिंदी", "रोकें", "मेनू", "शुरू", "रद्द"],
  "stop-start-en": ["hi", "2", "STOP", "menu", "START", "back"],
};

describe("golden transcripts", () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, async () => {
      await expect(`${JSON.stringify(transcript(script), null, 2)}\n`).toMatchFileSnapshot(`golden/${name}.json`);
    });
  }

  it("is deterministic: the same inputs give byte-identical effects", () => {
    const script = SCRIPTS["onboarding-en"] ?? [];
    expect(JSON.stringify(transcript(script))).toBe(JSON.stringify(transcript(script)));
  });
});
