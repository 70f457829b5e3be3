import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { againstRealMongo, openTarget, type Target } from "./target.js";

/**
 * A real MongoDB's TTL monitor runs every 60 s, the embedded one every second: against a real
 * server this test waits up to ~2.5 minutes, against the embedded one a few seconds.
 */
const EXPIRY_TIMEOUT_MS = againstRealMongo ? 150_000 : 10_000;

let target: Target;

beforeAll(() => openTarget("conformance_ttl").then((t) => (target = t)));
afterAll(() => target.close());

describe("TTL indexes", () => {
  it(
    "removes documents whose date is past expireAfterSeconds and keeps the rest",
    async () => {
      const sessions = target.db.collection("sessions");
      await sessions.createIndex({ touchedAt: 1 }, { expireAfterSeconds: 1 });
      const old = new Date(Date.now() - 60_000);
      const future = new Date(Date.now() + 3_600_000);
      await sessions.insertMany([{ _id: "stale", touchedAt: old } as never, { _id: "fresh", touchedAt: future } as never, { _id: "no-date", touchedAt: "not a date" } as never]);
      await expect
        .poll(async () => (await sessions.find({}, { sort: { _id: 1 } }).toArray()).map((d) => d._id), { timeout: EXPIRY_TIMEOUT_MS, interval: 250 })
        .toEqual(["fresh", "no-date"]);
    },
    EXPIRY_TIMEOUT_MS + 5_000,
  );
});
