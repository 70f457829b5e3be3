/**
 * The operators' WhatsApp page over HTTP, against the real composition with the Baileys socket
 * fake: log in with an admin token, see the QR code (decoded from the page's image) follow the
 * socket's `connection.update`s, then the linked number, then a logout that needs a re-link.
 */
import jsqr from "jsqr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdminToken } from "../../../src/domain/access/index.js";
import { createFakeBaileys, type FakeBaileys } from "../../fakes/baileys-socket.js";
import { pixelsOf } from "../../cards/png.js";
import { OWN_NUMBER } from "../../channels/whatsapp/world.js";
import { startEmbeddedForTest, startTestSampark, type TestSampark } from "../../support/sampark.js";

const token = (c: string) => c.repeat(44);
const ADMIN: AdminToken = { name: "hq-admin", role: "admin", scope: "*", token: token("a") };
const COORDINATOR: AdminToken = { name: "lko-coordinator", role: "coordinator", scope: "UP:D:LKO", token: token("c") };
const TOKENS = [ADMIN, COORDINATOR];

const form = (url: string, path: string, fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded", ...headers }, body: new URLSearchParams(fields).toString() });

/** Logs in by the form and returns the `Cookie` header the browser would send. */
async function login(url: string, secret: string): Promise<string> {
  const res = await form(url, "/admin/login", { token: secret });
  expect(res.status).toBe(303);
  expect(res.headers.get("location")).toBe("/admin/whatsapp");
  const cookie = res.headers.get("set-cookie") ?? "";
  return cookie.split(";")[0] ?? "";
}

/** The text the page's QR image holds, or undefined when it shows none. */
async function qrOnPage(html: string): Promise<string | undefined> {
  const src = /<img data-qr[^>]* src="data:image\/png;base64,([^"]+)"/.exec(html)?.[1];
  if (!src) return undefined;
  const pixels = await pixelsOf(Buffer.from(src, "base64"));
  return jsqr.default(pixels.data, pixels.width, pixels.height)?.data;
}

describe("WhatsApp login page", () => {
  let fake: FakeBaileys;
  let sampark: TestSampark;
  let url = "";
  let cookie = "";
  const page = async () => {
    const res = await fetch(`${url}/admin/whatsapp`, { headers: { cookie } });
    expect(res.status).toBe(200);
    return res.text();
  };

  beforeAll(async () => {
    fake = createFakeBaileys();
    sampark = await startTestSampark({ adminTokens: TOKENS, channels: { whatsapp: { sessionId: "page", socketFactory: fake.factory, leaseTtlMs: 600, notifyLogin: () => {} } } });
    url = await sampark.serve();
  });
  afterAll(() => sampark?.stop());

  it("asks a browser without a session to log in, and shows nothing else", async () => {
    const res = await fetch(`${url}/admin/whatsapp`);
    expect(res.status).toBe(401);
    const html = await res.text();
    expect(html).toContain('<form method="post" action="/admin/login">');
    expect(html).not.toMatch(/data-qr|data-state/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("refuses an unknown token, a coordinator's token, and a login posted from another site", async () => {
    expect((await form(url, "/admin/login", { token: token("z") })).status).toBe(401);
    const coordinator = await form(url, "/admin/login", { token: COORDINATOR.token });
    expect(coordinator.status).toBe(403);
    expect(coordinator.headers.get("set-cookie")).toBeNull();
    expect((await form(url, "/admin/login", { token: ADMIN.token }, { origin: "https://evil.example" })).status).toBe(403);
    expect((await fetch(`${url}/admin/whatsapp/status`, { headers: { authorization: `Bearer ${COORDINATOR.token}` } })).status).toBe(403);
  });

  it("logs an admin in with an HttpOnly, SameSite=Strict session cookie for /admin", async () => {
    const res = await form(url, "/admin/login", { token: ADMIN.token });
    expect(res.status).toBe(303);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^sampark_admin=v1\.hq-admin\.\d+\.[\w-]{43}; Path=\/admin; Max-Age=28800; HttpOnly; SameSite=Strict$/);
    expect(setCookie).not.toContain(ADMIN.token);
    cookie = await login(url, ADMIN.token);
    // A tampered session is no session.
    const forged = await fetch(`${url}/admin/whatsapp`, { headers: { cookie: `${cookie.slice(0, -1)}${cookie.endsWith("A") ? "B" : "A"}` } });
    expect(forged.status).toBe(401);
  });

  it("shows the current QR code while waiting for the scan, and follows it as it rotates", async () => {
    await expect.poll(async () => /data-state="login"/.test(await page()), { timeout: 5000 }).toBe(true);
    const html = await page();
    expect(html).toContain("Waiting for the QR code to be scanned");
    expect(html).toMatch(/<meta http-equiv="refresh" content="\d+">/);
    const first = await qrOnPage(html);
    expect(first).toMatch(/^2@/);
    expect(first).toBe((await statusJson()).qr);

    const rotated = fake.latest().showQr();
    expect(rotated).not.toBe(first);
    await expect.poll(async () => qrOnPage(await page()), { timeout: 5000 }).toBe(rotated);
  });

  it("shows the linked number once the phone has scanned, and no QR code", async () => {
    fake.latest().completeLink(`${OWN_NUMBER}:7@s.whatsapp.net`);
    await expect.poll(async () => /data-state="open"/.test(await page()), { timeout: 5000 }).toBe(true);
    const html = await page();
    expect(html).toContain(`<b data-number>+${OWN_NUMBER}</b>`);
    expect(await qrOnPage(html)).toBeUndefined();
    expect(await statusJson()).toMatchObject({ enabled: true, state: "open", number: OWN_NUMBER });
  });

  it("says the number must be linked again after WhatsApp logged the device out", async () => {
    await fake.latest().logout();
    await expect.poll(async () => /data-state="needs_operator"/.test(await page()), { timeout: 5000 }).toBe(true);
    const html = await page();
    expect(html).toContain("Logged out: the number must be linked again.");
    expect(html).not.toContain(OWN_NUMBER);
  });

  it("logs out: the cookie is cleared", async () => {
    const res = await form(url, "/admin/logout", {}, { cookie });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/^sampark_admin=; Path=\/admin; Max-Age=0;/);
  });

  async function statusJson(): Promise<Record<string, unknown>> {
    const res = await fetch(`${url}/admin/whatsapp/status`, { headers: { authorization: `Bearer ${ADMIN.token}` } });
    expect(res.status).toBe(200);
    return (await res.json()) as Record<string, unknown>;
  }
});

describe("WhatsApp login page: pairing code, and an instance that does not hold the number", () => {
  let store: { uri: string; stop(): Promise<void> };
  let first: TestSampark;
  let second: TestSampark;
  let fakeFirst: FakeBaileys;
  let fakeSecond: FakeBaileys;

  beforeAll(async () => {
    store = await startEmbeddedForTest();
    fakeFirst = createFakeBaileys();
    fakeSecond = createFakeBaileys();
    const whatsapp = { sessionId: "pairing", pairingNumber: OWN_NUMBER, leaseTtlMs: 600, notifyLogin: () => {} };
    first = await startTestSampark({ uri: `${store.uri}/pairing`, adminTokens: TOKENS, channels: { whatsapp: { ...whatsapp, socketFactory: fakeFirst.factory } } });
    second = await startTestSampark({ uri: `${store.uri}/pairing`, adminTokens: TOKENS, channels: { whatsapp: { ...whatsapp, socketFactory: fakeSecond.factory } } });
  });
  afterAll(async () => {
    await second?.stop();
    await first?.stop();
    await store?.stop();
  });

  it("shows the pairing code, also on the instance standing by", async () => {
    const bearer = { authorization: `Bearer ${ADMIN.token}` };
    const urlFirst = await first.serve();
    const urlSecond = await second.serve();
    await expect.poll(async () => ((await (await fetch(`${urlFirst}/admin/whatsapp/status`, { headers: bearer })).json()) as { state: string }).state, { timeout: 5000 }).toBe("login");
    expect(fakeFirst.latest().pairingRequests).toEqual([OWN_NUMBER]);
    // The second instance never opened a socket: it shows what the owner published.
    expect(fakeSecond.sockets).toHaveLength(0);
    const html = await (await fetch(`${urlSecond}/admin/whatsapp`, { headers: bearer })).text();
    expect(html).toContain("Waiting for the pairing code to be entered.");
    const code = ((await (await fetch(`${urlFirst}/admin/whatsapp/status`, { headers: bearer })).json()) as { pairingCode: string }).pairingCode;
    expect(html).toContain(`${code.slice(0, 4)}-${code.slice(4)}`);
  });
});

describe("WhatsApp login page without WhatsApp", () => {
  it("says WhatsApp is not enabled", async () => {
    const sampark = await startTestSampark({ adminTokens: TOKENS });
    try {
      const url = await sampark.serve();
      const res = await fetch(`${url}/admin/whatsapp`, { headers: { authorization: `Bearer ${ADMIN.token}` } });
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('data-state="disabled"');
    } finally {
      await sampark.stop();
    }
  });
});
