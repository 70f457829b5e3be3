import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.js";

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
