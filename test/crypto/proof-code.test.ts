import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { proofCode, proofCodeHash, proofCodeMatches, proofKey } from "../../src/crypto/index.js";

describe("membership proof codes", () => {
  const key = proofKey(randomBytes(32));

  it("are six digits, the same for the same challenge (a re-run sends the same code), different otherwise", () => {
    const code = proofCode(key, "web:a:12:0");
    expect(code).toMatch(/^\d{6}$/);
    expect(proofCode(key, "web:a:12:0")).toBe(code);
    const others = new Set(Array.from({ length: 200 }, (_, i) => proofCode(key, `web:a:${i}:0`)));
    expect(others.size).toBeGreaterThan(195);
    expect(proofCode(proofKey(randomBytes(32)), "web:a:12:0")).not.toBe(code);
  });

  it("are kept only as a keyed hash, bound to the challenge, that matches the typed code alone", () => {
    const code = proofCode(key, "c1");
    const hash = proofCodeHash(key, "c1", code);
    expect(hash).not.toContain(code);
    expect(proofCodeMatches(key, "c1", code, hash)).toBe(true);
    expect(proofCodeMatches(key, "c1", ` ${code} `, hash)).toBe(true);
    expect(proofCodeMatches(key, "c1", String((Number(code) + 1) % 1e6).padStart(6, "0"), hash)).toBe(false);
    expect(proofCodeMatches(key, "c2", code, hash)).toBe(false);
    expect(proofCodeMatches(proofKey(randomBytes(32)), "c1", code, hash)).toBe(false);
    expect(proofCodeMatches(key, "c1", code, "short")).toBe(false);
  });
});
