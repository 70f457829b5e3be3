import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CARD_KEY_FILE_NAME, loadCardSigningKey } from "../../src/cards/signing-key.js";
import { signCode, verifyCode, verifyUrl, type MembershipLookup } from "../../src/cards/verification-code.js";
import { formatMembershipNumber } from "../../src/domain/members/membership-number.js";

const key = Buffer.alloc(32, 1);
const active = formatMembershipNumber("UP", 42);
const revoked = formatMembershipNumber("UP", 43);
const lookup: MembershipLookup = async (compact) =>
  compact === active.compact ? "active" : compact === revoked.compact ? "revoked" : undefined;

describe("signCode / verifyCode", () => {
  it("makes a compact, URL-safe code from any spelling of the number", () => {
    const code = signCode(key, active.formatted.toLowerCase());
    expect(code).toMatch(new RegExp(`^${active.compact}\\.[A-Za-z0-9_-]{16}$`));
    expect(signCode(key, active.compact)).toBe(code);
    expect(verifyUrl("https://x.org//", code)).toBe(`https://x.org/verify/${code}`);
  });

  it("says valid, revoked or unknown for genuine codes", async () => {
    expect(await verifyCode(signCode(key, active.compact), key, lookup)).toEqual({ status: "valid", membershipNumber: active.formatted });
    expect(await verifyCode(signCode(key, revoked.compact), key, lookup)).toEqual({ status: "revoked", membershipNumber: revoked.formatted });
    const stranger = formatMembershipNumber("BR", 7);
    expect(await verifyCode(signCode(key, stranger.compact), key, lookup)).toEqual({ status: "unknown", membershipNumber: stranger.formatted });
  });

  it("says invalid for tampered, forged or malformed codes, without asking the store", async () => {
    let asked = 0;
    const counting: MembershipLookup = async (n) => (asked++, lookup(n));
    const code = signCode(key, active.compact);
    const [number = "", mac = ""] = code.split(".");
    const flipped = `${number}.${mac.slice(0, -1)}${mac.endsWith("A") ? "B" : "A"}`;
    const otherMember = `${revoked.compact}.${mac}`;
    const forged = signCode(Buffer.alloc(32, 2), active.compact);
    for (const bad of [flipped, otherMember, forged, number, `${number}.`, "", "../../etc", `${number}.${mac}x`]) {
      expect(await verifyCode(bad, key, counting), bad).toEqual({ status: "invalid" });
    }
    expect(asked).toBe(0);
  });

  it("refuses signing keys shorter than 32 bytes", () => {
    expect(() => signCode(Buffer.alloc(16), active.compact)).toThrow(RangeError);
  });
});

describe("loadCardSigningKey", () => {
  it("takes the configured key, or creates a 0600 key file in DATA_DIR with a warning", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sampark-card-key-"));
    try {
      expect(await loadCardSigningKey({ keyBase64: key.toString("base64"), dataDir: dir })).toEqual({ key });
      await expect(loadCardSigningKey({ keyBase64: "c2hvcnQ=", dataDir: dir })).rejects.toThrow(/CARD_SIGNING_KEY/);
      const first = await loadCardSigningKey({ dataDir: dir });
      expect(first.warning).toMatch(/NEW signing key file/);
      expect((await stat(join(dir, CARD_KEY_FILE_NAME))).mode & 0o777).toBe(0o600);
      const second = await loadCardSigningKey({ dataDir: dir });
      expect(second.key.equals(first.key)).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
