/**
 * HTTP API of the web chat (documented in README "Chat over HTTP"): post a message as a contact,
 * long-poll that contact's replies. The simulator page uses exactly this API.
 */
import { randomUUID } from "node:crypto";
import { Router, type Request, type Response } from "express";
import { toInbound, webPostSchema, type WebOutbox } from "../channels/web/web-chat.js";
import type { Runtime } from "../runtime/runtime.js";

const MAX_WAIT_MS = 25_000;

export function webChatRoutes(deps: { runtime: Runtime; outbox: WebOutbox }): Router {
  const router = Router();

  router.post("/api/chat/messages", async (req: Request, res: Response) => {
    const parsed = webPostSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_message", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
      return;
    }
    const eventId = parsed.data.messageId ?? randomUUID();
    const { message, profile } = toInbound(parsed.data, eventId);
    const { duplicate } = await deps.runtime.receive(message, profile);
    res.status(200).json({ eventId, duplicate });
  });

  router.get("/api/chat/contacts/:id/messages", async (req: Request, res: Response) => {
    const id = String(req.params["id"] ?? "");
    if (!/^[a-zA-Z0-9_-]{1,40}$/.test(id)) {
      res.status(400).json({ error: "invalid_contact_id" });
      return;
    }
    const after = Number(req.query["after"] ?? 0);
    const waitMs = Math.min(Number(req.query["wait"] ?? 0) * 1000, MAX_WAIT_MS);
    if (!Number.isFinite(after) || !Number.isFinite(waitMs)) {
      res.status(400).json({ error: "invalid_query" });
      return;
    }
    const messages = await deps.outbox.fetch(id, after, Math.max(0, waitMs));
    res.json({ messages, cursor: messages.at(-1)?.seq ?? after });
  });

  return router;
}
