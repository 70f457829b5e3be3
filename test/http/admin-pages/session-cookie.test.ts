import { describe, expect, it } from "vitest";
import type { AdminToken } from "../../../src/domain/access/index.js";
import { readSessionCookie, sessionCookie, SESSION_TTL_MS, signSession, verifySession } from "../../../src/http/admin-pages/session-cookie.js";

const admin: AdminToken = { name: "hq.admin", role: "admin", scope: "*", token: "A".repeat(43) };
const other: AdminToken = { name: "lko-coordinator", role: "coordinator", scope: "UP:D:LKO", token: "B".repeat(43) };
const now = new Date("2026-12-01T10:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);

describe("operator page sessions", () => {
  it("verifies a session it signed, naming the token's actor, until it expires", () => {
    const value = signSession(admin, later(SESSION_TTL_MS));
    expect(value).not.toContain(admin.token);
    expect(verifySession(value, [other, admin], now)).toMatchObject({ name: "hq.admin", role: "admin" });
    expect(verifySession(value, [admin], later(SESSION_TTL_MS - 1000))).toBeDefined();
    expect(verifySession(value, [admin], later(SESSION_TTL_MS))).toBeUndefined();
  });

  it("refuses a changed name, a changed expiry, a forged MAC, or a token no longer configured", () => {
    const value = signSession(admin, later(SESSION_TTL_MS));
    const [v, , , expiry, mac] = value.split(".") as [string, string, string, string, string];
    expect(verifySession(`${v}.lko-coordinator.${expiry}.${mac}`, [admin, other], now)).toBeUndefined();
    expect(verifySession(value.replace(`.${expiry}.`, `.${Number(expiry) + 3600}.`), [admin], now)).toBeUndefined();
    expect(verifySession(`${value.slice(0, -2)}xx`, [admin], now)).toBeUndefined();
    expect(verifySession(value, [other], now)).toBeUndefined();
    // The same name with a rotated token: sessions of the old token end.
    expect(verifySession(value, [{ ...admin, token: "C".repeat(43) }], now)).toBeUndefined();
    expect(verifySession("garbage", [admin], now)).toBeUndefined();
  });

  it("sets the cookie HttpOnly, SameSite=Strict, under /admin only, Secure over https", () => {
    expect(sessionCookie("v", SESSION_TTL_MS, false)).toBe(`sampark_admin=v; Path=/admin; Max-Age=${SESSION_TTL_MS / 1000}; HttpOnly; SameSite=Strict`);
    expect(sessionCookie("v", 0, true)).toMatch(/; Max-Age=0; HttpOnly; SameSite=Strict; Secure$/);
    expect(readSessionCookie("a=1; sampark_admin=v1.x.1.y ; b=2")).toBe("v1.x.1.y");
    expect(readSessionCookie(undefined)).toBeUndefined();
  });
});
