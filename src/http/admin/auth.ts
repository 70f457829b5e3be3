/**
 * Bearer-token authentication of the admin API. Tokens are compared as SHA-256 digests with
 * `timingSafeEqual` (equal lengths whatever was sent), against every configured token without
 * stopping at a match, so response time tells nothing about how close a guess was or which token
 * matched.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { NextFunction, Request, Response } from "express";
import { actorOf, type Actor, type AdminToken } from "../../domain/access/index.js";

const digest = (token: string): Buffer => createHash("sha256").update(token, "utf8").digest();

/** Finds the actor of an `Authorization` header value; undefined when missing or unknown. */
export function createAuthenticator(tokens: readonly AdminToken[]): (authorization: string | undefined) => Actor | undefined {
  const known = tokens.map((t) => ({ digest: digest(t.token), actor: actorOf(t) }));
  return (authorization) => {
    const match = /^Bearer +([A-Za-z0-9+/=._~-]{1,512}) *$/i.exec(authorization ?? "");
    if (!match?.[1]) return undefined;
    const presented = digest(match[1]);
    let found: Actor | undefined;
    for (const k of known) if (timingSafeEqual(k.digest, presented) && !found) found = k.actor;
    return found;
  };
}

/**
 * Express middleware: puts the caller's actor in `res.locals.actor`, or answers 401 with a
 * `WWW-Authenticate: Bearer` challenge (RFC 6750). Unauthenticated requests are not written to
 * the audit log — there is no actor to name, and anyone could fill the log — but are logged.
 */
export function requireActor(authenticate: (authorization: string | undefined) => Actor | undefined, warn: (msg: string, path: string) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const header = req.get("authorization");
    const actor = authenticate(header);
    if (!actor) {
      warn(header ? "admin api: unknown bearer token" : "admin api: no bearer token", req.path);
      const challenge = header ? 'Bearer realm="sampark-admin", error="invalid_token"' : 'Bearer realm="sampark-admin"';
      res.status(401).set("WWW-Authenticate", challenge).set("Cache-Control", "no-store").json({ error: "unauthorized" });
      return;
    }
    res.locals["actor"] = actor;
    next();
  };
}

/** The actor `requireActor` authenticated. */
export function actorFrom(res: Response): Actor {
  const actor = res.locals["actor"] as Actor | undefined;
  if (!actor) throw new Error("admin route without requireActor");
  return actor;
}
