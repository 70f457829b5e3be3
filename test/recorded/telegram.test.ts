/**
 * Replays every recorded Telegram payload in `$SAMPARK_FIXTURES_DIR` (its `telegram/` subfolder
 * when there is one) through the converter: each must become a well-formed inbound event or an
 * explicit "ignored" with a reason — never an exception. CI points it at ../shared/fixtures.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertUpdate } from "../../src/channels/telegram/convert.js";
import { expectWellFormed } from "../channels/telegram/well-formed.js";

const root = process.env["SAMPARK_FIXTURES_DIR"];
const dir = root && existsSync(path.join(root, "telegram")) ? path.join(root, "telegram") : root;

if (!dir) {
  console.warn("[recorded] SAMPARK_FIXTURES_DIR is not set: skipping the recorded Telegram payload suite");
}

describe.skipIf(!dir)("recorded Telegram payloads", () => {
  const files = dir ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];

  it("finds payloads to replay", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)("%s → inbound event or ignored with a reason", (file) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(dir ?? "", file), "utf8"));
    const result = convertUpdate(raw);
    expectWellFormed(result);
    // The operator's view of the decision, visible in verbose runs.
    console.info(`[recorded] ${file}: ${result.type === "ignored" ? `ignored (${result.reason})` : result.event.type === "message" ? result.event.message.kind : "reachability"}`);
  });
});
