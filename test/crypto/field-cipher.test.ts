import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FieldDecryptError, decryptField, encryptField, fieldAad, needsReencryption } from "../../src/crypto/field-cipher.js";
import { createKeyring, fieldKey } from "../../src/crypto/keyring.js";

const key = fieldKey(randomBytes(32));
const keyring = createKeyring(key);
const aadA = fieldAad("members", "member-a", "religion");

function failureOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof FieldDecryptError) return error.failure;
    throw error;
  }
  return undefined;
}

describe("field encryption", () => {
  it("round-trips Unicode text through a compact versioned string carrying the key id", () => {
    const sealed = encryptField(key, "हिन्दू", aadA);
    expect(sealed).toMatch(new RegExp(`^v1\\.${key.id.replace(/[-]/g, "\\-")}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
    expect(sealed).not.toContain("हिन्दू");
    expect(decryptField(keyring, sealed, aadA)).toBe("हिन्दू");
  });

  it("uses a fresh IV, so equal plaintexts give different ciphertexts", () => {
    expect(encryptField(key, "x", aadA)).not.toBe(encryptField(key, "x", aadA));
  });

  it("detects tampering with the ciphertext, tag or iv", () => {
    const sealed = encryptField(key, "general", aadA);
    const parts = sealed.split(".");
    for (const index of [2, 3, 4]) {
      const bytes = Buffer.from(parts[index] ?? "", "base64url");
      bytes[0] = (bytes[0] ?? 0) ^ 1;
      const tampered = parts.map((p, i) => (i === index ? bytes.toString("base64url") : p)).join(".");
      expect(failureOf(() => decryptField(keyring, tampered, aadA)), `part ${index}`).toBe("authentication_failed");
    }
  });

  it("fails with the wrong key, even under the right key id", () => {
    const sealed = encryptField(key, "general", aadA);
    const impostor = { current: key, byId: new Map([[key.id, randomBytes(32)]]) };
    expect(failureOf(() => decryptField(impostor, sealed, aadA))).toBe("authentication_failed");
    expect(failureOf(() => decryptField(createKeyring(fieldKey(randomBytes(32))), sealed, aadA))).toBe("unknown_key");
  });

  it("binds the value to its record: copied to another member or field it does not decrypt", () => {
    const sealed = encryptField(key, "OBC", fieldAad("members", "member-a", "caste"));
    expect(failureOf(() => decryptField(keyring, sealed, fieldAad("members", "member-b", "caste")))).toBe("authentication_failed");
    expect(failureOf(() => decryptField(keyring, sealed, fieldAad("members", "member-a", "religion")))).toBe("authentication_failed");
  });

  it("reports malformed values", () => {
    expect(failureOf(() => decryptField(keyring, "plaintext", aadA))).toBe("malformed");
    expect(failureOf(() => decryptField(keyring, `v2.${key.id}.a.b.c`, aadA))).toBe("malformed");
    expect(failureOf(() => decryptField(keyring, `v1.${key.id}.AAAA.BBBB.CCCC`, aadA))).toBe("malformed");
  });

  it("keeps old values readable after rotation and says which need re-encryption", () => {
    const old = encryptField(key, "value", aadA);
    const next = fieldKey(randomBytes(32));
    const rotated = createKeyring(next, [key]);
    expect(decryptField(rotated, old, aadA)).toBe("value");
    expect(needsReencryption(rotated, old)).toBe(true);
    expect(needsReencryption(rotated, encryptField(next, "value", aadA))).toBe(false);
  });
});
