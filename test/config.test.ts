import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";
import { testImage } from "./support/images.js";

describe("loadConfig", () => {
  it("applies the documented defaults to an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      mongodbUri: undefined,
      dataDir: "./data",
      logLevel: "info",
      timezone: "Asia/Kolkata",
      quietHours: { start: "22:00", end: "06:00" },
    });
  });

  it("treats empty strings as unset", () => {
    expect(loadConfig({ PORT: "", MONGODB_URI: "" })).toMatchObject({ port: 3000, mongodbUri: undefined });
  });

  it("reads and coerces the variables it knows", () => {
    const config = loadConfig({ PORT: "8080", MONGODB_URI: "mongodb://db:27017/sampark", LOG_LEVEL: "debug", DATA_DIR: "/var/lib/sampark" });
    expect(config).toMatchObject({ port: 8080, mongodbUri: "mongodb://db:27017/sampark", logLevel: "debug", dataDir: "/var/lib/sampark" });
  });

  it("lists every problem at once instead of stopping at the first", () => {
    try {
      loadConfig({ PORT: "eighty", MONGODB_URI: "postgres://x", LOG_LEVEL: "loud", QUIET_HOURS_START: "25:00" });
      expect.unreachable("invalid configuration must throw");
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join("\n");
      for (const name of ["PORT", "MONGODB_URI", "LOG_LEVEL", "QUIET_HOURS_START"]) expect(problems).toContain(name);
      expect((error as ConfigError).problems).toHaveLength(4);
    }
  });

  it("returns a frozen object so no module can change configuration at run time", () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});

describe("loadConfig keys", () => {
  const key32 = Buffer.alloc(32, 7).toString("base64");

  it("accepts 32-byte base64 encryption keys and splits the previous ones", () => {
    const config = loadConfig({ FIELD_ENCRYPTION_KEY: key32, FIELD_ENCRYPTION_PREVIOUS_KEYS: `${key32}, ${key32}`, CARD_SIGNING_KEY: key32 });
    expect(config.fieldEncryptionKey).toBe(key32);
    expect(config.fieldEncryptionPreviousKeys).toEqual([key32, key32]);
  });

  it("rejects a short key with a hint on how to make one", () => {
    expect(() => loadConfig({ FIELD_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toThrow(/openssl rand -base64 32/);
  });

  it("derives the public base URL from the port unless configured", () => {
    expect(loadConfig({ PORT: "4000" }).publicBaseUrl).toBe("http://localhost:4000");
    expect(loadConfig({ PUBLIC_BASE_URL: "https://verify.example.org/" }).publicBaseUrl).toBe("https://verify.example.org");
    expect(() => loadConfig({ PUBLIC_BASE_URL: "ftp://x" })).toThrow(/PUBLIC_BASE_URL/);
  });
});

describe("loadConfig channels", () => {
  it("turns Telegram on with a token, polling by default", () => {
    expect(loadConfig({}).telegram).toBeUndefined();
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc" }).telegram).toMatchObject({ token: "123:abc", mode: "polling" });
  });

  it("requires a webhook secret in webhook mode and rejects a malformed token", () => {
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "123:abc", TELEGRAM_MODE: "webhook" })).toThrow(/TELEGRAM_WEBHOOK_SECRET/);
    expect(() => loadConfig({ TELEGRAM_BOT_TOKEN: "not a token" })).toThrow(/TELEGRAM_BOT_TOKEN/);
  });

  it("keeps WhatsApp off unless enabled, and validates the pairing number", () => {
    expect(loadConfig({}).whatsapp.enabled).toBe(false);
    expect(() => loadConfig({ WHATSAPP_PAIRING_NUMBER: "+91 98" })).toThrow(/WHATSAPP_PAIRING_NUMBER/);
  });

  it("takes the WhatsApp number for referral links as E.164 digits", () => {
    expect(loadConfig({}).whatsapp.number).toBeUndefined();
    expect(loadConfig({ WHATSAPP_NUMBER: "919812345678" }).whatsapp.number).toBe("919812345678");
    expect(() => loadConfig({ WHATSAPP_NUMBER: "+91 98123 45678" })).toThrow(/WHATSAPP_NUMBER/);
  });
});

describe("loadConfig logo", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "sampark-logo-"));
    await writeFile(path.join(dir, "logo.png"), await testImage(64, 64, "png"));
    await writeFile(path.join(dir, "logo.jpg"), await testImage(64, 64, "jpeg"));
    await writeFile(path.join(dir, "logo.txt"), "not an image");
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it("accepts a readable PNG or JPEG file", () => {
    expect(loadConfig({}).orgLogoPath).toBeUndefined();
    expect(loadConfig({ ORG_LOGO_PATH: path.join(dir, "logo.png") }).orgLogoPath).toBe(path.join(dir, "logo.png"));
    expect(loadConfig({ ORG_LOGO_PATH: path.join(dir, "logo.jpg") }).orgLogoPath).toBe(path.join(dir, "logo.jpg"));
  });

  it("fails fast on a missing file or one that is not an image, with the other problems", () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as ConfigError).problems;
      }
      return [];
    };
    expect(problems({ ORG_LOGO_PATH: path.join(dir, "missing.png"), PORT: "x" })).toEqual([
      expect.stringMatching(/^PORT:/),
      expect.stringMatching(/^ORG_LOGO_PATH: cannot read .*missing\.png \(ENOENT\)/),
    ]);
    expect(problems({ ORG_LOGO_PATH: path.join(dir, "logo.txt") })).toEqual([expect.stringMatching(/^ORG_LOGO_PATH: .*logo\.txt is not a PNG or JPEG image/)]);
    expect(problems({ ORG_LOGO_PATH: dir })).toEqual([expect.stringMatching(/^ORG_LOGO_PATH: cannot read .*\(EISDIR\)/)]);
  });
});
