/**
 * Photo uploads of the web simulator: `POST /api/chat/contacts/:id/media` with the image itself as
 * the body (`image/jpeg`, `image/png` or `image/webp`, at most 5 MB; larger → 413) answers
 * `{ "media": "web-media:<id>" }`, which the page then posts as `{ contact, photo: media }` to
 * `/api/chat/messages` like any other answer. The bytes are checked and shrunk only when
 * enrolment keeps them (src/actions/member-photo.ts).
 */
import express, { Router, type Request, type Response } from "express";
import { PHOTO_MAX_BYTES } from "../cards/member-photo.js";
import type { WebMediaStore } from "../channels/web/web-media.js";
import { contactKeyOf } from "../runtime/contact-key.js";

const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"];
const CONTACT_ID = /^[a-zA-Z0-9_-]{1,40}$/;

export function webMediaRoutes(deps: { media: Pick<WebMediaStore, "save">; now(): Date }): Router {
  const router = Router();
  router.post("/api/chat/contacts/:id/media", express.raw({ type: IMAGE_TYPES, limit: PHOTO_MAX_BYTES }), async (req: Request, res: Response) => {
    const id = String(req.params["id"] ?? "");
    const type = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
    if (!CONTACT_ID.test(id)) {
      res.status(400).json({ error: "invalid_contact_id" });
      return;
    }
    if (!IMAGE_TYPES.includes(type) || !Buffer.isBuffer(req.body) || req.body.length === 0) {
      res.status(415).json({ error: "unsupported_media", accepted: IMAGE_TYPES });
      return;
    }
    const media = await deps.media.save(contactKeyOf({ channel: "web", address: id }), req.body, type, deps.now());
    res.status(201).json({ media });
  });
  return router;
}
