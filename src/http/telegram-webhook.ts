/**
 * The Telegram webhook: checks the secret token Telegram echoes in `X-Telegram-Bot-Api-Secret-Token`
 * (constant-time), parses the body, and answers 200 only after the update was handed to the inbound
 * handler and durably recorded. Any failure there answers 503, so Telegram redelivers the update
 * later; the runtime's inbound log (keyed by update_id) turns redeliveries into no-ops.
 *
 * Mount it before the app's global JSON parser so an unauthenticated request is refused before
 * its body is even parsed; mounted after it, malformed JSON is refused by the app's parser instead.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import express, { Router, type NextFunction, type Request, type Response } from "express";
import type { Logger } from "../log.js";

export interface TelegramWebhookDeps {
  /** The adapter's `handleUpdate`: resolves once the update is recorded. */
  handleUpdate(update: unknown): Promise<void>;
  /** The secret given to setWebhook (1–256 of A–Z, a–z, 0–9, _ and -). */
  secret: string;
  /** Default `/telegram/webhook`. */
  path?: string;
  log: Logger;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export function telegramWebhookRouter(deps: TelegramWebhookDeps): Router {
  const router = Router();
  const expected = digest(deps.secret);

  const checkSecret = (req: Request, res: Response, next: NextFunction) => {
    const given = req.get(SECRET_HEADER);
    // Comparing fixed-length digests keeps the comparison constant-time whatever the header's length.
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      res.status(401).json({ error: "unauthorized" });
      return;
    }
    next();
  };

  router.post(deps.path ?? "/telegram/webhook", checkSecret, express.raw({ type: () => true, limit: "1mb" }), async (req: Request, res: Response) => {
    const update = parseBody(req.body);
    if (update === undefined) {
      res.status(400).json({ error: "malformed_json" });
      return;
    }
    try {
      await deps.handleUpdate(update);
      res.status(200).json({ ok: true });
    } catch (error) {
      deps.log.error({ err: error, channel: "telegram", updateId: (update as { update_id?: unknown }).update_id }, "telegram webhook: update not recorded; Telegram will redeliver");
      res.status(503).json({ error: "unavailable" });
    }
  });
  return router;
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/** The update as JSON, whether a JSON parser ran before us (object) or not (raw bytes). */
function parseBody(body: unknown): unknown {
  if (!Buffer.isBuffer(body)) return typeof body === "object" && body !== null ? body : undefined;
  try {
    return JSON.parse(body.toString("utf8")) as unknown;
  } catch {
    return undefined;
  }
}
