/** What the sender should do about each error a WhatsApp send can throw (real Boom errors, as Baileys builds them). */
import { Boom } from "@hapi/boom";
import { DisconnectReason } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { classifyWhatsAppError, RATE_LIMIT_PAUSE_SECONDS, WhatsAppSendError } from "../../../src/channels/whatsapp/classify.js";

describe("classifyWhatsAppError", () => {
  it.each<[string, unknown, string]>([
    ["rate-overlimit error node (data 429)", new Boom("rate-overlimit", { data: 429 }), "retry_after"],
    ["a 429 status", new Boom("Too Many Requests", { statusCode: 429 }), "retry_after"],
    ["timed out waiting for WhatsApp", new Boom("Timed Out", { statusCode: DisconnectReason.timedOut }), "ambiguous"],
    ["socket closed before writing", new Boom("Connection Closed", { statusCode: DisconnectReason.connectionClosed }), "transient"],
    ["device logged out: rows wait for a re-link", new Boom("Intentional Logout", { statusCode: DisconnectReason.loggedOut }), "transient"],
    ["reach-out time lock (463): the number is restricted", new Boom("account restricted", { data: 463 }), "capped"],
    ["not-authorized for this recipient (403)", new Boom("not-authorized", { data: 403 }), "blocked"],
    ["bad-request error node", new Boom("bad-request", { data: 400 }), "invalid"],
    ["item-not-found error node", new Boom("item-not-found", { data: 404 }), "invalid"],
    ["internal-server-error node", new Boom("internal-server-error", { data: 500 }), "transient"],
    ["all encryptions failed", new Boom("All encryptions failed", { statusCode: 500 }), "transient"],
    ["our media URL forbidden: not the recipient's doing", new Boom("Failed to fetch stream from https://x/a.png", { statusCode: 403, data: { url: "https://x/a.png" } }), "invalid"],
    ["our media URL 502", new Boom("Failed to fetch stream from https://x/a.png", { statusCode: 502, data: { url: "https://x/a.png" } }), "transient"],
    ["media fetch refused", Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }), "transient"],
    ["bad address, caught before sending", new WhatsAppSendError("not a WhatsApp address", { kind: "invalid" }), "invalid"],
    ["a bug of ours", new TypeError("cannot read properties of undefined"), "invalid"],
  ])("%s → %s", (_name, error, kind) => {
    expect(classifyWhatsAppError(error).kind).toBe(kind);
  });

  it("pauses a rate-limited identity for a minute", () => {
    expect(classifyWhatsAppError(new Boom("rate-overlimit", { data: 429 }))).toEqual({ kind: "retry_after", seconds: RATE_LIMIT_PAUSE_SECONDS });
  });
});
