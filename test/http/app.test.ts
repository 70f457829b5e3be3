import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { withServer } from "../support/http.js";
import { captureLogger } from "../support/logger.js";

describe("createApp health endpoints", () => {
  it("answers /healthz while the process is up, even when the store is down", async () => {
    const app = createApp({ log: captureLogger().log, storeReady: async () => false });
    await withServer(app, async (url) => {
      const res = await fetch(`${url}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
    });
  });

  it("answers /readyz 200 when the store answers and 503 when it does not", async () => {
    let up = true;
    const app = createApp({ log: captureLogger().log, storeReady: async () => up });
    await withServer(app, async (url) => {
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      up = false;
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: "unavailable", store: false });
    });
  });

  it("treats a store check that throws as not ready", async () => {
    const app = createApp({
      log: captureLogger().log,
      storeReady: async () => {
        throw new Error("connection refused");
      },
    });
    await withServer(app, async (url) => {
      expect((await fetch(`${url}/readyz`)).status).toBe(503);
    });
  });

  it("answers /readyz 503 while draining so load balancers stop sending traffic", async () => {
    const app = createApp({ log: captureLogger().log, storeReady: async () => true, isDraining: () => true });
    await withServer(app, async (url) => {
      const res = await fetch(`${url}/readyz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ status: "draining" });
    });
  });

  it("answers unknown paths with a JSON 404", async () => {
    const app = createApp({ log: captureLogger().log, storeReady: async () => true });
    await withServer(app, async (url) => {
      const res = await fetch(`${url}/nope`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: "not_found" });
    });
  });
});
