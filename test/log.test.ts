import { describe, expect, it } from "vitest";
import { captureLogger } from "./support/logger.js";

describe("logger redaction", () => {
  it("redacts personal fields at the top level and when nested", () => {
    const { log, lines } = captureLogger();
    log.info({ phone: "+919812345678", member: { epic: "ABC1234567", name: "Asha" }, ctx: { m: { caste: "x" } } }, "enrolled");
    const [line] = lines();
    expect(line?.phone).toBe("[redacted]");
    expect((line?.member as Record<string, unknown>).epic).toBe("[redacted]");
    expect((line?.member as Record<string, unknown>).name).toBe("Asha");
    expect(((line?.ctx as Record<string, Record<string, unknown>>).m)?.caste).toBe("[redacted]");
    expect(JSON.stringify(lines())).not.toContain("9812345678");
  });
});
