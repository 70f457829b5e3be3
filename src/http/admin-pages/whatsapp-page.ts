/**
 * Operators' pages under `/admin` (README, "WhatsApp login page"):
 * - `GET /admin/whatsapp`: the WhatsApp connection state and the current QR or pairing code;
 * - `GET /admin/whatsapp/status`: the same as JSON, for scripts and monitoring;
 * - `POST /admin/login` (form field `token`) and `POST /admin/logout`.
 * Only tokens with role `admin` (from `ADMIN_TOKENS`) get in: by `Authorization: Bearer`, or by
 * the session cookie the login form sets (session-cookie.ts). Responses are never cached or framed.
 */
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { PublishedStatus } from "../../channels/whatsapp/published-status.js";
import type { Actor, AdminToken } from "../../domain/access/index.js";
import type { Logger } from "../../log.js";
import { createAuthenticator } from "../admin/auth.js";
import { readSessionCookie, sessionCookie, SESSION_TTL_MS, signSession, verifySession } from "./session-cookie.js";
import { forbiddenHtml, loginHtml, PAGE_CSP, whatsappHtml } from "./whatsapp-html.js";

export interface AdminPageDeps {
  tokens: readonly AdminToken[];
  /** The WhatsApp number's state; absent when WhatsApp is not enabled. */
  whatsappStatus?: () => Promise<PublishedStatus>;
  /** Mark the cookie Secure (the deployment is served over https). */
  secureCookies: boolean;
  log: Logger;
  now?: () => Date;
}

type Caller = { type: "actor"; actor: Actor } | { type: "anonymous"; reason?: string };

export function adminPageRoutes(deps: AdminPageDeps): Router {
  const now = deps.now ?? (() => new Date());
  const authenticate = createAuthenticator(deps.tokens);
  const router = Router();
  router.use("/admin", (_req, res, next) => {
    res.set({ "Cache-Control": "no-store", "Content-Security-Policy": PAGE_CSP, "X-Frame-Options": "DENY", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff" });
    next();
  });

  /** Who is calling: a bearer header wins (and an unknown one is not rescued by a cookie). */
  const callerOf = (req: Request): Caller => {
    const header = req.get("authorization");
    if (header) {
      const actor = authenticate(header);
      return actor ? { type: "actor", actor } : { type: "anonymous", reason: "unknown bearer token" };
    }
    const cookie = readSessionCookie(req.get("cookie"));
    const actor = cookie ? verifySession(cookie, deps.tokens, now()) : undefined;
    return actor ? { type: "actor", actor } : { type: "anonymous", ...(cookie ? { reason: "session expired or invalid" } : {}) };
  };

  /** Lets admins through; answers everyone else as `html` or `json`. */
  const requireAdmin = (as: "html" | "json") => (req: Request, res: Response, next: NextFunction) => {
    const caller = callerOf(req);
    if (caller.type === "actor" && caller.actor.role === "admin") {
      res.locals["actor"] = caller.actor;
      return next();
    }
    if (caller.type === "actor") {
      deps.log.warn({ actor: caller.actor.name, path: req.path }, "admin page: not an admin token");
      return void (as === "html" ? res.status(403).type("html").send(forbiddenHtml(caller.actor.name)) : res.status(403).json({ error: "forbidden" }));
    }
    if (caller.reason) deps.log.warn({ path: req.path }, `admin page: ${caller.reason}`);
    res.status(401).set("WWW-Authenticate", 'Bearer realm="sampark-admin"');
    return void (as === "html" ? res.type("html").send(loginHtml(caller.reason === "session expired or invalid" ? "Your session has ended. Log in again." : undefined)) : res.json({ error: "unauthorized" }));
  };

  router.get("/admin", (_req, res) => res.redirect(303, "/admin/whatsapp"));

  router.get("/admin/whatsapp", requireAdmin("html"), async (_req, res) => {
    const actor = res.locals["actor"] as Actor;
    res.type("html").send(await whatsappHtml(deps.whatsappStatus ? await deps.whatsappStatus() : undefined, actor.name));
  });

  router.get("/admin/whatsapp/status", requireAdmin("json"), async (_req, res) => {
    if (!deps.whatsappStatus) return void res.json({ enabled: false });
    const { status, at } = await deps.whatsappStatus();
    res.json({ enabled: true, ...status, ...(at ? { at: at.toISOString() } : {}) });
  });

  const form = express.urlencoded({ extended: false, limit: "4kb" });

  router.post("/admin/login", sameOrigin, form, (req, res) => {
    const field = (req.body as { token?: unknown } | undefined)?.token;
    const presented = typeof field === "string" ? field.trim() : "";
    const actor = presented ? authenticate(`Bearer ${presented}`) : undefined;
    const token = actor ? deps.tokens.find((t) => t.name === actor.name) : undefined;
    if (!actor || !token) {
      deps.log.warn({ path: req.path }, "admin page: login with an unknown token");
      return void res.status(401).type("html").send(loginHtml("That token is not known here."));
    }
    if (actor.role !== "admin") {
      deps.log.warn({ actor: actor.name }, "admin page: login with a token that is not an admin's");
      return void res.status(403).type("html").send(forbiddenHtml(actor.name));
    }
    const value = signSession(token, new Date(now().getTime() + SESSION_TTL_MS));
    deps.log.info({ actor: actor.name }, "admin page: logged in");
    res.set("Set-Cookie", sessionCookie(value, SESSION_TTL_MS, deps.secureCookies)).redirect(303, "/admin/whatsapp");
  });

  router.post("/admin/logout", sameOrigin, (_req, res) => {
    res.set("Set-Cookie", sessionCookie("", 0, deps.secureCookies)).redirect(303, "/admin/whatsapp");
  });

  return router;
}

/**
 * Refuses form posts from other sites. The SameSite=Strict cookie already keeps them from acting
 * as a logged-in operator; this also stops another site from logging a browser in or out.
 */
function sameOrigin(req: Request, res: Response, next: NextFunction): void {
  const origin = req.get("origin");
  if (origin === undefined || hostOf(origin) === req.get("host")) return next();
  res.status(403).type("text").send("cross-site form posts are refused");
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
