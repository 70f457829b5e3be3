/** One process owns a number: a second instance stands by, takes over when the lease is free, and a lost lease closes the socket. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWhatsAppWorld, untilState, type WhatsAppWorld } from "./world.js";

let world: WhatsAppWorld;
beforeAll(async () => {
  world = await startWhatsAppWorld("wa-lease");
  await world.seedLinked("shared");
});
afterAll(() => world.close());

describe("WhatsApp adapter: number lease", () => {
  it("a second instance cannot connect while the first holds the number, and takes over after it stops", async () => {
    const first = world.makeChannel({ sessionId: "shared", instanceId: "instance-a" });
    const second = world.makeChannel({ sessionId: "shared", instanceId: "instance-b" });
    await first.channel.start(async () => {});
    await untilState(first.channel, "open");

    await second.channel.start(async () => {});
    expect(second.channel.status().state).toBe("standby");
    // Through several renewals (every 200 ms here) the second stays out.
    await new Promise((r) => setTimeout(r, 500));
    expect(second.fake.sockets).toHaveLength(0);
    expect((await world.models.locks.findById("whatsapp:shared").lean())?.owner).toBe("instance-a");

    await first.channel.stop();
    await untilState(second.channel, "open");
    expect(second.fake.sockets).toHaveLength(1);
    expect((await world.models.locks.findById("whatsapp:shared").lean())?.owner).toBe("instance-b");
    await second.channel.stop();
  });

  it("an instance that loses the lease closes its socket and stands by", async () => {
    const { channel, fake, logs } = world.makeChannel({ sessionId: "shared", instanceId: "instance-c" });
    await channel.start(async () => {});
    await untilState(channel, "open");

    // Another instance took the lease (this one stalled past its lifetime, say).
    await world.models.locks.updateOne({ _id: "whatsapp:shared" }, { $set: { owner: "instance-d", until: new Date(Date.now() + 60_000) } });
    await untilState(channel, "standby");
    expect(fake.latest().ended).toBe(true);
    expect(logs.lines().some((l) => /another instance owns the number/.test(String(l["msg"])))).toBe(true);
    // Its own close event does not trigger a reconnect.
    await new Promise((r) => setTimeout(r, 300));
    expect(fake.sockets).toHaveLength(1);
    await channel.stop();
  });
});
