/** The adapter's lifecycle over the fake socket: link by QR or pairing code, reconnect policy, re-link. */
import { DisconnectReason } from "@whiskeysockets/baileys";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../../src/channels/channel.js";
import { waAuthModel } from "../../../src/store/wa-auth/wa-auth-model.js";
import { OWN_NUMBER, startWhatsAppWorld, textMessage, untilState, type WhatsAppWorld } from "./world.js";

let world: WhatsAppWorld;
beforeAll(async () => {
  world = await startWhatsAppWorld("wa-login");
});
afterAll(() => world.close());

describe("WhatsApp adapter: linking and conversation", () => {
  it("start → QR → scan → restart → open → inbound reaches the handler → reply with numbered choices", async () => {
    const { channel, fake, prompts } = world.makeChannel({ sessionId: "qr-flow" });
    const events: ChannelEvent[] = [];
    await channel.start(async (e) => void events.push(e));

    await untilState(channel, "login");
    const status = channel.status();
    expect(status.state === "login" && status.qr).toMatch(/^2@/);
    expect(prompts).toEqual([{ type: "qr", qr: status.state === "login" ? status.qr : "" }]);

    // The phone scans: creds gain `me` (saved to MongoDB), then WhatsApp demands a restart (515).
    fake.latest().completeLink(`${OWN_NUMBER}:7@s.whatsapp.net`);
    await expect.poll(() => fake.sockets.length).toBe(2);
    const saved = await waAuthModel(world.connection).findById("qr-flow/creds").lean();
    expect(saved?.value).toContain(`${OWN_NUMBER}:7@s.whatsapp.net`);
    // The new socket has the linked creds, so it opens by itself.
    await untilState(channel, "open");

    fake.latest().receive([textMessage("919812345678", "नमस्ते")]);
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({
      type: "message",
      message: { channel: "whatsapp", contactKey: "whatsapp:919812345678", kind: "text", text: "नमस्ते" },
      profile: { name: "सुनीता", phone: "919812345678" },
    });

    const parts = channel.render({ text: "क्या आप शिविर में आएँगे?", choices: [{ id: "yes", label: "हाँ" }, { id: "no", label: "नहीं" }] });
    for (const part of parts) await channel.send({ recipient: "919812345678", part });
    expect(fake.latest().sent.map((m) => [m.jid, m.content])).toEqual([["919812345678@s.whatsapp.net", { text: "क्या आप शिविर में आएँगे?\n\n1. हाँ\n2. नहीं" }]]);
    await channel.stop();
    expect(channel.status().state).toBe("stopped");
  });

  it("links by pairing code when a number is configured", async () => {
    const { channel, fake, prompts } = world.makeChannel({ sessionId: "pairing", pairingNumber: OWN_NUMBER });
    await channel.start(async () => {});
    await untilState(channel, "login");
    const status = channel.status();
    expect(status.state === "login" && status.pairingCode).toMatch(/^[0-9A-F]{8}$/);
    expect(fake.latest().pairingRequests).toEqual([OWN_NUMBER]);
    expect(prompts).toEqual([{ type: "pairing_code", code: status.state === "login" ? status.pairingCode : "" }]);
    // Later QR refreshes on the same socket do not ask WhatsApp for another code.
    fake.latest().showQr();
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.latest().pairingRequests).toHaveLength(1);
    await channel.stop();
  });
});

describe("WhatsApp adapter: reconnect policy in action", () => {
  it("reconnects after an ordinary close, at once with zero jitter", async () => {
    await world.seedLinked("reconnect");
    const { channel, fake } = world.makeChannel({ sessionId: "reconnect" });
    await channel.start(async () => {});
    await untilState(channel, "open");
    fake.latest().close(DisconnectReason.connectionLost);
    await expect.poll(() => fake.sockets.length).toBe(2);
    await untilState(channel, "open");
    await channel.stop();
  });

  it("backs off long when another client replaced the connection (440)", async () => {
    await world.seedLinked("replaced");
    const { channel, fake } = world.makeChannel({ sessionId: "replaced", reconnect: { baseMs: 10, maxMs: 100, replacedMs: 60_000 } });
    await channel.start(async () => {});
    await untilState(channel, "open");
    fake.latest().close(DisconnectReason.connectionReplaced);
    expect(channel.status()).toEqual({ state: "reconnecting", delayMs: 30_000 });
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.sockets).toHaveLength(1);
    await expect(channel.send({ recipient: "919812345678", part: { type: "text", text: "x" } }).catch((e: unknown) => channel.classify(e))).resolves.toEqual({ kind: "transient" });
    await channel.stop();
  });

  it("stops on logout (401), tells the operator to re-link and drops the dead creds", async () => {
    await world.seedLinked("logout");
    const { channel, fake, logs } = world.makeChannel({ sessionId: "logout" });
    await channel.start(async () => {});
    await untilState(channel, "open");
    await fake.latest().logout();

    expect(channel.status()).toMatchObject({ state: "needs_operator", reason: "logged_out" });
    await expect.poll(() => waAuthModel(world.connection).countDocuments({ sessionId: "logout" })).toBe(0);
    expect(logs.lines().find((l) => l["level"] === 50)?.["msg"]).toMatch(/link the number again/);
    // Lease renewals keep the number but open no new socket.
    await new Promise((r) => setTimeout(r, 450));
    expect(fake.sockets).toHaveLength(1);
    await channel.stop();
  });
});
