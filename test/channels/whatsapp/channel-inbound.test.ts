/** Inbound through the adapter: ordering, LID lookups, ignored upserts, and redelivery while the store is down. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChannelEvent } from "../../../src/channels/channel.js";
import { startWhatsAppWorld, textMessage, untilState, type WhatsAppWorld } from "./world.js";

let world: WhatsAppWorld;
beforeAll(async () => {
  world = await startWhatsAppWorld("wa-inbound");
  await world.seedLinked("inbound");
});
afterAll(() => world.close());

const texts = (events: ChannelEvent[]) => events.map((e) => (e.type === "message" ? e.message.text : e.type));

describe("WhatsApp adapter: inbound", () => {
  it("delivers in order, maps a LID without remoteJidAlt through Baileys' mapping, and ignores append upserts", async () => {
    const { channel, fake } = world.makeChannel({ sessionId: "inbound" });
    const events: ChannelEvent[] = [];
    await channel.start(async (e) => void events.push(e));
    await untilState(channel, "open");
    fake.lidMappings.set("203957148620319@lid", "919812345678:0@s.whatsapp.net");

    const socket = fake.latest();
    socket.receive([textMessage("919812345678", "पहला")], "append");
    socket.receive([textMessage("919812345678", "१"), textMessage("919812345678", "group", { key: { remoteJid: "120363025246125888@g.us", fromMe: false, id: "G1" } })]);
    socket.receive([{ ...textMessage("0", "तीसरा"), key: { remoteJid: "203957148620319@lid", fromMe: false, id: "AC5E2B7F91D04C3A8E6B1F2D3C4A5B6F", addressingMode: "lid" } }]);

    await expect.poll(() => events.length).toBe(2);
    expect(texts(events)).toEqual(["१", "तीसरा"]);
    expect(events.map((e) => (e.type === "message" ? e.message.contactKey : ""))).toEqual(["whatsapp:919812345678", "whatsapp:919812345678"]);
    await channel.stop();
  });

  it("keeps offering an event the handler could not record until it is recorded, without reordering", async () => {
    const { channel, fake } = world.makeChannel({ sessionId: "inbound" });
    const recorded: ChannelEvent[] = [];
    let failures = 3;
    await channel.start(async (e) => {
      if (failures-- > 0) throw new Error("store down");
      recorded.push(e);
    });
    await untilState(channel, "open");
    fake.latest().receive([textMessage("919812345678", "एक")]);
    fake.latest().receive([textMessage("919812345678", "दो")]);
    await expect.poll(() => recorded.length).toBe(2);
    expect(texts(recorded)).toEqual(["एक", "दो"]);
    await channel.stop();
  });
});
