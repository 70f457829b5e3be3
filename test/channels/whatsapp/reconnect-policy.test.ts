/** The reconnect table: one row per disconnect status, with injected randomness. */
import { DisconnectReason } from "@whiskeysockets/baileys";
import { describe, expect, it } from "vitest";
import { decideReconnect, type ReconnectDecision, type ReconnectSettings } from "../../../src/channels/whatsapp/reconnect-policy.js";

const settings: ReconnectSettings = { baseMs: 1000, maxMs: 60_000, replacedMs: 600_000 };
const fixed = (r: number) => () => r;

describe("decideReconnect", () => {
  it.each<[string, number | undefined, number, number, ReconnectDecision | Partial<ReconnectDecision>]>([
    ["401 logged out stops", DisconnectReason.loggedOut, 0, 0.5, { action: "stop", reason: "logged_out" }],
    ["401 stops even after many attempts", DisconnectReason.loggedOut, 9, 0.5, { action: "stop", reason: "logged_out" }],
    ["403 forbidden stops", DisconnectReason.forbidden, 0, 0.5, { action: "stop", reason: "forbidden" }],
    ["440 replaced backs off long (lowest)", DisconnectReason.connectionReplaced, 0, 0, { action: "reconnect", delayMs: 300_000 }],
    ["440 replaced backs off long (highest)", DisconnectReason.connectionReplaced, 0, 0.999999, { action: "reconnect", delayMs: 599_999 }],
    ["515 restart required reconnects at once", DisconnectReason.restartRequired, 0, 0.9, { action: "reconnect", delayMs: 0 }],
    ["515 again backs off", DisconnectReason.restartRequired, 2, 0.5, { action: "reconnect", delayMs: 2000 }],
    ["428 closed: attempt 0, full jitter up to 1 s", DisconnectReason.connectionClosed, 0, 0.5, { action: "reconnect", delayMs: 500 }],
    ["408 lost: attempt 3, up to 8 s", DisconnectReason.connectionLost, 3, 0.5, { action: "reconnect", delayMs: 4000 }],
    ["500 bad session: capped at maxMs", DisconnectReason.badSession, 20, 0.5, { action: "reconnect", delayMs: 30_000 }],
    ["no status at all", undefined, 1, 0.25, { action: "reconnect", delayMs: 500 }],
    ["full jitter can be zero", DisconnectReason.unavailableService, 5, 0, { action: "reconnect", delayMs: 0 }],
    ["huge attempt counts do not overflow", DisconnectReason.connectionClosed, 5000, 0.5, { action: "reconnect", delayMs: 30_000 }],
  ])("%s", (_name, status, attempt, random, expected) => {
    expect(decideReconnect(status, attempt, fixed(random), settings)).toMatchObject(expected);
  });

  it("tells the operator what to do when it stops", () => {
    const decision = decideReconnect(DisconnectReason.loggedOut, 0, fixed(0), settings);
    expect(decision.action === "stop" && decision.operatorMessage).toMatch(/link the number again/);
  });
});
