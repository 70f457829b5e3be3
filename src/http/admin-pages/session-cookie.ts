/**
 * Browser sessions for the operators' pages. A browser cannot attach a bearer header to a page
 * load, so the admin token is typed once into a login form and exchanged for a cookie holding a
 * signed session: `v1.<name>.<expiry>.<mac>`. The MAC key is derived from the token itself
 * (HMAC-SHA256 of a fixed label under the token), so
 *  - every instance with the same `ADMIN_TOKENS` accepts the session, with no new secret to share;
 *  - removing or rotating a token ends its sessions at once;
 *  - the cookie never contains the token, and a stolen cookie opens only these pages, only until
 *    it expires (the admin API accepts bearer tokens only, so the cookie cannot be used there).
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { actorOf, type Actor, type AdminToken } from "../../domain/access/index.js";

export const SESSION_COOKIE = "sampark_admin";
/** How long a login lasts. */
export const SESSION_TTL_MS = 8 * 3600_000;

const macKey = (token: AdminToken): Buffer => createHmac("sha256", token.token).update("sampark admin page session v1").digest();
const mac = (token: AdminToken, body: string): string => createHmac("sha256", macKey(token)).update(body).digest("base64url");

/** A session value for `token`'s actor, valid until `expiresAt`. */
export function signSession(token: AdminToken, expiresAt: Date): string {
  const body = `v1.${token.name}.${Math.floor(expiresAt.getTime() / 1000)}`;
  return `${body}.${mac(token, body)}`;
}

/** The actor of a session value; undefined when malformed, forged, expired or its token is gone. */
export function verifySession(value: string, tokens: readonly AdminToken[], now: Date): Actor | undefined {
  const match = /^v1\.([A-Za-z0-9][A-Za-z0-9_.-]{0,39})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return undefined;
  const [, name, expiry, presented] = match as unknown as [string, string, string, string];
  const token = tokens.find((t) => t.name === name);
  if (!token) return undefined;
  const expected = Buffer.from(mac(token, `v1.${name}.${expiry}`), "utf8");
  const given = Buffer.from(presented, "utf8");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (Number(expiry) * 1000 <= now.getTime()) return undefined;
  return actorOf(token);
}

/** The `Set-Cookie` value: HttpOnly, SameSite=Strict, only under /admin, Secure over https. */
export function sessionCookie(value: string, maxAgeMs: number, secure: boolean): string {
  const attributes = [`${SESSION_COOKIE}=${value}`, "Path=/admin", `Max-Age=${Math.floor(maxAgeMs / 1000)}`, "HttpOnly", "SameSite=Strict"];
  if (secure) attributes.push("Secure");
  return attributes.join("; ");
}

/** The session cookie's value in a `Cookie` header, if any. */
export function readSessionCookie(header: string | undefined): string | undefined {
  for (const pair of (header ?? "").split(";")) {
    const eq = pair.indexOf("=");
    if (eq > 0 && pair.slice(0, eq).trim() === SESSION_COOKIE) return pair.slice(eq + 1).trim();
  }
  return undefined;
}
