import { describe, expect, it } from "vitest";
import { createApp } from "../../src/http/app.js";
import { cardRoutes } from "../../src/http/card-routes.js";
import { signCode } from "../../src/cards/verification-code.js";
import { formatMembershipNumber } from "../../src/domain/members/membership-number.js";
import { withServer } from "../support/http.js";
import { captureLogger } from "../support/logger.js";

const key = Buffer.alloc(32, 9);
const [active, revoked, absent] = [1234, 99, 5].map((n) => formatMembershipNumber("UP", n)) as [
  ReturnType<typeof formatMembershipNumber>,
  ReturnType<typeof formatMembershipNumber>,
  ReturnType<typeof formatMembershipNumber>,
];
const statuses = new Map<string, "active" | "revoked">([
  [active.compact, "active"],
  [revoked.compact, "revoked"],
]);

const app = createApp({
  log: captureLogger().log,
  storeReady: async () => true,
  routers: [
    cardRoutes({
      signingKey: key,
      lookup: async (compact) => statuses.get(compact),
      orgName: "Demo Org",
      cardPng: async (code) => (code === "UP0001234K.abc" ? Buffer.from("\x89PNG fake") : undefined),
    }),
  ],
});

async function verify(url: string, code: string, accept = "application/json") {
  const res = await fetch(`${url}/verify/${encodeURIComponent(code)}`, { headers: { accept } });
  return { status: res.status, body: accept.includes("json") ? await res.json() : await res.text() };
}

describe("GET /verify/<code>", () => {
  it("says valid, revoked or unknown for genuine codes", async () => {
    await withServer(app, async (url) => {
      expect(await verify(url, signCode(key, active.formatted))).toMatchObject({ status: 200, body: { status: "valid" } });
      expect(await verify(url, signCode(key, revoked.formatted))).toMatchObject({ status: 200, body: { status: "revoked" } });
      expect(await verify(url, signCode(key, absent.formatted))).toMatchObject({ status: 404, body: { status: "unknown" } });
    });
  });

  it("says invalid for a tampered, forged or malformed code", async () => {
    await withServer(app, async (url) => {
      const genuine = signCode(key, active.formatted);
      const tampered = genuine.slice(0, -1) + (genuine.endsWith("A") ? "B" : "A");
      const forged = signCode(Buffer.alloc(32, 1), active.formatted);
      for (const code of [tampered, forged, "nonsense", `${absent.compact}.${genuine.split(".")[1]}`]) {
        expect(await verify(url, code)).toMatchObject({ status: 404, body: { status: "invalid" } });
      }
    });
  });

  it("shows a bilingual page to a phone that scanned the QR, with no personal data", async () => {
    await withServer(app, async (url) => {
      const page = await verify(url, signCode(key, active.formatted), "text/html");
      expect(page.body).toContain('data-status="valid"');
      expect(page.body).toContain("वैध सदस्यता कार्ड");
      expect(page.body).toContain(active.formatted);
    });
  });
});

describe("GET /cards/<code>.png", () => {
  it("serves a stored card as image/png and 404s anything else", async () => {
    await withServer(app, async (url) => {
      const found = await fetch(`${url}/cards/UP0001234K.abc.png`);
      expect(found.status).toBe(200);
      expect(found.headers.get("content-type")).toBe("image/png");
      expect((await fetch(`${url}/cards/UP0009999K.abc.png`)).status).toBe(404);
      expect((await fetch(`${url}/cards/not-a-png.txt`)).status).toBe(404);
    });
  });
});
