/**
 * Replays every recorded WhatsApp payload in `$SAMPARK_FIXTURES_DIR/whatsapp` through the
 * converter: each must become a well-formed inbound event or an explicit "ignored" with a reason
 * — never an exception. A file may hold a `messages.upsert` event, one WAMessage or an array.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { convertCapture } from "../../src/channels/whatsapp/convert.js";
import { expectWellFormed } from "../channels/whatsapp/well-formed.js";

const root = process.env["SAMPARK_FIXTURES_DIR"];
const dir = root ? path.join(root, "whatsapp") : undefined;
const files = dir && existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".json")).sort() : [];

if (!root) console.warn("[recorded] SAMPARK_FIXTURES_DIR is not set: skipping the recorded WhatsApp payload suite");
else if (files.length === 0) console.warn(`[recorded] no WhatsApp payloads (*.json) in ${dir}: skipping the recorded WhatsApp payload suite`);

describe.skipIf(files.length === 0)("recorded WhatsApp payloads", () => {
  it.each(files)("%s → inbound event or ignored with a reason", (file) => {
    const raw: unknown = JSON.parse(readFileSync(path.join(dir ?? "", file), "utf8"));
    const results = convertCapture(raw);
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) {
      expectWellFormed(result);
      // The operator's view of the decision, visible in verbose runs.
      console.info(`[recorded] ${file}: ${result.type === "ignored" ? `ignored (${result.reason})` : result.event.message.kind}`);
    }
  });
});
