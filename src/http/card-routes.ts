/**
 * ID card routes.
 * - `GET /verify/<code>`: what a phone shows after scanning a card's QR code. Says valid, revoked,
 *   unknown or invalid — and nothing else about the member (least data: no name, no booth), since
 *   anyone can scan a card. `Accept: application/json` gets the same as JSON.
 * - `GET /cards/<code>.png`: the card image itself, for channels that send images by URL. The code
 *   carries an HMAC, so card URLs cannot be enumerated.
 */
import { Router, type Request, type Response } from "express";
import { verifyCode, type MembershipLookup, type VerifyResult } from "../cards/verification-code.js";

const PAGES: Record<VerifyResult["status"], { http: number; title: string; titleHi: string; colour: string }> = {
  valid: { http: 200, title: "Valid membership card", titleHi: "वैध सदस्यता कार्ड", colour: "#0b6e4f" },
  revoked: { http: 200, title: "This membership has been revoked", titleHi: "यह सदस्यता रद्द कर दी गई है", colour: "#a15c00" },
  unknown: { http: 404, title: "No such membership", titleHi: "यह सदस्यता नहीं मिली", colour: "#8a1c1c" },
  invalid: { http: 404, title: "Not a genuine card code", titleHi: "यह कार्ड कोड असली नहीं है", colour: "#8a1c1c" },
};

export interface CardRouteDeps {
  signingKey: Buffer;
  lookup: MembershipLookup;
  orgName: string;
  cardPng(code: string): Promise<Buffer | undefined>;
}

export function cardRoutes(deps: CardRouteDeps): Router {
  const router = Router();
  router.get("/cards/:file", async (req: Request, res: Response) => {
    const match = /^([A-Za-z0-9_.-]{1,64})\.png$/.exec(String(req.params["file"] ?? ""));
    const png = match?.[1] ? await deps.cardPng(match[1]) : undefined;
    if (!png) {
      res.status(404).json({ error: "not_found" });
      return;
    }
    res.status(200).type("png").set("Cache-Control", "private, max-age=300").send(png);
  });
  router.get("/verify/:code", async (req: Request, res: Response) => {
    const result = await verifyCode(String(req.params["code"] ?? ""), deps.signingKey, deps.lookup);
    const page = PAGES[result.status];
    res.status(page.http).set("Cache-Control", "no-store");
    if (req.accepts(["html", "json"]) === "json") {
      res.json(result);
      return;
    }
    const number = "membershipNumber" in result ? `<p class="n">${escapeHtml(result.membershipNumber)}</p>` : "";
    res.type("html").send(`<!doctype html><html lang="hi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${page.title}</title><style>body{font-family:system-ui,sans-serif;text-align:center;padding:2rem;color:#1d2430}h1{color:${page.colour}}.n{font:1.3rem monospace}</style></head>
<body><p>${escapeHtml(deps.orgName)}</p><h1 data-status="${result.status}">${page.titleHi}<br>${page.title}</h1>${number}</body></html>`);
  });
  return router;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
