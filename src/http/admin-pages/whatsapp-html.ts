/**
 * The HTML of the WhatsApp login page for operators: the login form, and the connection state
 * with the QR code (a PNG data URL) or pairing code. No scripts: the status page reloads itself
 * every few seconds while linking, which follows the QR code as WhatsApp rotates it. It shows no
 * personal data beyond the linked number.
 */
import { createHash } from "node:crypto";
import QRCode from "qrcode";
import type { WhatsAppStatus } from "../../channels/whatsapp/connection.js";
import type { PublishedStatus } from "../../channels/whatsapp/published-status.js";
import { assertNever } from "../../util/assert-never.js";

/** Reload interval while linking (WhatsApp shows a new QR code every 20 s) and otherwise. */
const REFRESH_LINKING_S = 3;
const REFRESH_IDLE_S = 15;

const STYLE = `body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1d2430}
h1{font-size:1.4rem}.state{font-size:1.1rem;font-weight:600}.code{font:2rem monospace;letter-spacing:.2em}
img{image-rendering:pixelated;border:1px solid #ccd}.error{color:#8a1c1c}.muted{color:#5a6270;font-size:.9rem}
form.inline{display:inline}input[type=password]{width:100%;font:inherit;padding:.4rem}button{font:inherit;padding:.3rem .9rem}`;

/**
 * The pages' Content-Security-Policy: nothing but this stylesheet, data-URL images and forms
 * posting to this site; no scripts at all, no framing.
 */
export const PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash("sha256").update(STYLE).digest("base64")}'`,
  "img-src data:",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

function page(title: string, body: string, refreshSeconds?: number): string {
  const refresh = refreshSeconds ? `<meta http-equiv="refresh" content="${refreshSeconds}">` : "";
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
${refresh}<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

export function loginHtml(error?: string): string {
  const problem = error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : "";
  return page(
    "Sampark · operator login",
    `<h1>Sampark operators</h1>${problem}
<form method="post" action="/admin/login"><p><label for="token">Admin token (from <code>ADMIN_TOKENS</code>)</label></p>
<p><input id="token" name="token" type="password" autocomplete="current-password" required></p><p><button type="submit">Log in</button></p></form>
<p class="muted">The token is checked once; the browser then keeps a session cookie for 8 hours.</p>`,
  );
}

export function forbiddenHtml(actorName: string): string {
  return page("Sampark · not allowed", `<h1>Not allowed</h1><p>The token <b>${escapeHtml(actorName)}</b> is not an admin's. This page needs a token with role <code>admin</code>.</p>${logoutForm()}`);
}

/** The status page; `published` undefined means WhatsApp is not enabled in this deployment. */
export async function whatsappHtml(published: PublishedStatus | undefined, actorName: string): Promise<string> {
  const header = `<h1>WhatsApp connection</h1><p class="muted">Logged in as ${escapeHtml(actorName)} ${logoutForm()}</p>`;
  if (!published) return page("Sampark · WhatsApp", `${header}<p class="state" data-state="disabled">WhatsApp is not enabled (set <code>WHATSAPP_ENABLED=true</code>).</p>`);
  const { status, at } = published;
  const since = at ? `<p class="muted">Reported ${escapeHtml(at.toISOString())}</p>` : "";
  const linking = status.state === "login" || status.state === "connecting" || status.state === "reconnecting";
  return page("Sampark · WhatsApp", `${header}${await describe(status)}${since}`, linking ? REFRESH_LINKING_S : REFRESH_IDLE_S);
}

async function describe(status: WhatsAppStatus): Promise<string> {
  const state = (label: string) => `<p class="state" data-state="${status.state}">${escapeHtml(label)}</p>`;
  switch (status.state) {
    case "stopped":
    case "standby":
      return state("Not running: no Sampark instance holds the number right now.");
    case "connecting":
      return state("Connecting to WhatsApp…");
    case "reconnecting":
      return state(`Connection lost; reconnecting in ${Math.ceil(status.delayMs / 1000)} s.`);
    case "open":
      return `${state("Connected.")}${status.number ? `<p>Linked number: <b data-number>+${escapeHtml(status.number)}</b></p>` : ""}`;
    case "login":
      if (status.pairingCode) {
        return `${state("Waiting for the pairing code to be entered.")}<p class="code" data-pairing-code>${escapeHtml(formatPairingCode(status.pairingCode))}</p>
<p>On the organisation's phone: WhatsApp → Linked devices → Link a device → <i>Link with phone number instead</i>, then type this code.</p>`;
      }
      if (status.qr) {
        const src = await QRCode.toDataURL(status.qr, { errorCorrectionLevel: "L", margin: 4, scale: 6 });
        return `${state("Waiting for the QR code to be scanned.")}<p><img data-qr alt="WhatsApp link QR code" src="${src}"></p>
<p>On the organisation's phone: WhatsApp → Linked devices → Link a device, and point the camera at the code. WhatsApp replaces the code every 20 seconds; this page follows it.</p>`;
      }
      return state("Waiting for WhatsApp to offer a login code…");
    case "needs_operator":
      return `${state(status.reason === "logged_out" ? "Logged out: the number must be linked again." : "WhatsApp refused the connection.")}<p>${escapeHtml(status.message)}.</p>
<p>After a restart of Sampark this page shows a new QR code${status.reason === "logged_out" ? " to link the number again" : ""}.</p>`;
    default:
      return assertNever(status);
  }
}

function logoutForm(): string {
  return `<form class="inline" method="post" action="/admin/logout"><button type="submit">Log out</button></form>`;
}

/** WhatsApp shows pairing codes as two groups of four. */
function formatPairingCode(code: string): string {
  return code.length === 8 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
