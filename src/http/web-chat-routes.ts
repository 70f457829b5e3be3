/**
 * HTTP API of the web chat (documented in README "Chat over HTTP"): post a message as a contact,
 * long-poll that contact's replies. The simulator page uses exactly this API; both ends are the
 * web channel adapter's (src/channels/web/web-channel.ts).
 */
import { Router, type Request, type Response } from "express";
import { WEB_CONTACT_ID, webPostSchema } from "../channels/web/web-chat.js";
import type { WebChannel } from "../channels/web/web-channel.js";

const MAX_WAIT_MS = 25_000;

export function webChatRoutes(deps: { channel: Pick<WebChannel, "receive" | "read"> }): Router {
  const router = Router();

  router.post("/api/chat/messages", async (req: Request, res: Response) => {
    const parsed = webPostSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_message", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
      return;
    }
    res.status(200).json(await deps.channel.receive(parsed.data));
  });

  router.get("/api/chat/contacts/:id/messages", async (req: Request, res: Response) => {
    const id = String(req.params["id"] ?? "");
    if (!WEB_CONTACT_ID.test(id)) {
      res.status(400).json({ error: "invalid_contact_id" });
      return;
    }
    const after = Number(req.query["after"] ?? 0);
    const waitMs = Math.min(Number(req.query["wait"] ?? 0) * 1000, MAX_WAIT_MS);
    if (!Number.isFinite(after) || !Number.isFinite(waitMs)) {
      res.status(400).json({ error: "invalid_query" });
      return;
    }
    const messages = await deps.channel.read(id, after, Math.max(0, waitMs));
    res.json({ messages, cursor: messages.at(-1)?.seq ?? after });
  });

  return router;
}
