/**
 * The express application, built from its dependencies so tests can drive it without a port.
 */
import express, { type Express, type Request, type Response, type NextFunction, type Router } from "express";
import type { Logger } from "../log.js";

export interface AppDeps {
  log: Logger;
  /** Whether the store answers; backs `/readyz`. */
  storeReady(): Promise<boolean>;
  /** Whether the process is shutting down; `/readyz` then answers 503 so balancers drain it. */
  isDraining?(): boolean;
  /** Feature routers (web chat, admin API, cards), mounted after the JSON body parser. */
  routers?: Router[];
  /** Routers that read the raw body themselves (webhooks), mounted before the JSON body parser. */
  rawRouters?: Router[];
  /** Static files (the chat simulator page) served at `/`. */
  publicDir?: string;
  /** Web fonts served at `/fonts` (the page must render Devanagari without system fonts). */
  fontsDir?: string;
}

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });

  app.get("/readyz", async (_req, res) => {
    if (deps.isDraining?.()) {
      res.status(503).json({ status: "draining" });
      return;
    }
    const storeOk = await deps.storeReady().catch(() => false);
    res.status(storeOk ? 200 : 503).json({ status: storeOk ? "ready" : "unavailable", store: storeOk });
  });

  for (const router of deps.rawRouters ?? []) app.use(router);
  app.use(express.json({ limit: "64kb" }));
  for (const router of deps.routers ?? []) app.use(router);
  if (deps.publicDir) app.use(express.static(deps.publicDir, { index: "index.html", maxAge: "5m" }));
  if (deps.fontsDir) app.use("/fonts", express.static(deps.fontsDir, { maxAge: "30d", immutable: true }));

  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });

  // One error boundary for HTTP: malformed bodies are the client's fault, anything else is ours.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = httpStatusOf(error);
    if (status >= 500) deps.log.error({ err: error, path: req.path }, "http: request failed");
    res.status(status).json({ error: status >= 500 ? "internal_error" : "bad_request" });
  });

  return app;
}

function httpStatusOf(error: unknown): number {
  if (typeof error === "object" && error !== null) {
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number" && status >= 400 && status < 600) return status;
  }
  return 500;
}
