import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { decryptField, encryptField } from "../../src/crypto/field-cipher.js";
import { KEY_FILE_NAME, loadFieldKeyring } from "../../src/crypto/key-loader.js";
import { FieldKeyError } from "../../src/crypto/keyring.js";

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "sampark-keys-"));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

describe("loadFieldKeyring", () => {
  it("uses the configured base64 key, with no warning and no file", async () => {
    const loaded = await loadFieldKeyring({ keyBase64: randomBytes(32).toString("base64"), dataDir });
    expect(loaded.source).toBe("config");
    expect(loaded.warning).toBeUndefined();
    await expect(stat(join(dataDir, KEY_FILE_NAME))).rejects.toThrow();
  });

  it("rejects configured keys that are not 32 bytes of base64", async () => {
    await expect(loadFieldKeyring({ keyBase64: randomBytes(16).toString("base64"), dataDir })).rejects.toThrow(FieldKeyError);
    await expect(loadFieldKeyring({ keyBase64: "not base64!", dataDir })).rejects.toThrow(/FIELD_ENCRYPTION_KEY: not base64/);
  });

  it("creates a 0600 key file in DATA_DIR once, warns, and reuses it on the next start", async () => {
    const dir = join(dataDir, "nested");
    const first = await loadFieldKeyring({ dataDir: dir });
    expect(first.source).toBe("key-file-created");
    expect(first.warning).toMatch(/NEW key file/);
    expect((await stat(join(dir, KEY_FILE_NAME))).mode & 0o777).toBe(0o600);

    const sealed = encryptField(first.keyring.current, "secret", "aad");
    const second = await loadFieldKeyring({ dataDir: dir });
    expect(second.source).toBe("key-file");
    expect(second.warning).toMatch(/local key file/);
    expect(decryptField(second.keyring, sealed, "aad")).toBe("secret");
  });

  it("warns when an existing key file is readable by others", async () => {
    const path = join(dataDir, KEY_FILE_NAME);
    await writeFile(path, randomBytes(32).toString("base64"));
    await chmod(path, 0o644);
    expect((await loadFieldKeyring({ dataDir })).warning).toMatch(/readable by other users/);
  });

  it("adds previous keys so values sealed before a rotation stay readable", async () => {
    const old = randomBytes(32).toString("base64");
    const before = await loadFieldKeyring({ keyBase64: old, dataDir });
    const sealed = encryptField(before.keyring.current, "v", "aad");
    const after = await loadFieldKeyring({ keyBase64: randomBytes(32).toString("base64"), previousKeysBase64: [old], dataDir });
    expect(decryptField(after.keyring, sealed, "aad")).toBe("v");
  });
});
