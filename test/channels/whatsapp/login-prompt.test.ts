/** The terminal login prompt: a scannable block QR, or the pairing code with where to type it. */
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { terminalLoginNotifier } from "../../../src/channels/whatsapp/login-prompt.js";

async function printed(prompt: Parameters<ReturnType<typeof terminalLoginNotifier>>[0]): Promise<string> {
  const out = new PassThrough();
  const chunks: string[] = [];
  out.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  await terminalLoginNotifier(out)(prompt);
  return chunks.join("");
}

describe("terminalLoginNotifier", () => {
  it("draws the QR with half-block characters under instructions", async () => {
    const text = await printed({ type: "qr", qr: "2@abc,def,ghi,jkl" });
    expect(text).toContain("Linked devices");
    const art = text.split("\n").filter((l) => /[▀▄█]/.test(l));
    // A version-2+ QR is at least 25 modules wide, two rows per line.
    expect(art.length).toBeGreaterThanOrEqual(13);
  });

  it("prints the pairing code", async () => {
    expect(await printed({ type: "pairing_code", code: "ABCD1234" })).toContain("WhatsApp pairing code: ABCD1234");
  });
});
