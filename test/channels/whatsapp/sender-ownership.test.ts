/**
 * One instance owns a WhatsApp number for both its socket and its sender. Two assembled instances
 * on one embedded store, each with its own Baileys fake: every WhatsApp send goes through the
 * instance holding the number's lease — also rows the other instance committed — and when that
 * instance stops, the other takes the number over and sends from then on.
 */
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useMongoAuthState } from "../../../src/store/wa-auth/mongo-auth-state.js";
import { createFakeBaileys, type FakeBaileys } from "../../fakes/baileys-socket.js";
import { startEmbeddedForTest, startTestSampark, type TestSampark } from "../../support/sampark.js";
import { OWN_NUMBER, textMessage } from "./world.js";

const SESSION = "owned";
let store: { uri: string; stop(): Promise<void> };
/** The instance that won the number's lease, and the other one. */
let owner: { sampark: TestSampark; fake: FakeBaileys };
let other: { sampark: TestSampark; fake: FakeBaileys };

const whatsapp = (fake: FakeBaileys) => ({ whatsapp: { sessionId: SESSION, socketFactory: fake.factory, leaseTtlMs: 600, notifyLogin: () => {} } });
const sentTo = (fake: FakeBaileys, phone: string) => fake.sockets.flatMap((s) => s.sent).filter((m) => m.jid === `${phone}@s.whatsapp.net`);

let rows = 0;
/** A reply committed in `by` for a WhatsApp contact, as its runtime would write it. */
async function commitReply(by: TestSampark, phone: string, text: string): Promise<string> {
  const id = `whatsapp:${phone}:owned-${++rows}:0`;
  const now = new Date();
  await by.models.outbox.create({ _id: id, channel: "whatsapp", contactKey: `whatsapp:${phone}`, recipient: phone, lane: "reply", payload: { text }, seq: rows, state: "queued", notBefore: now, attempts: 0, createdAt: now });
  return id;
}

/** Waits for `ok` (usable in hooks, unlike `expect.poll`). */
async function until(ok: () => boolean, timeoutMs = 5000): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; !ok(); await new Promise((r) => setTimeout(r, 10))) {
    if (Date.now() > deadline) throw new Error("timed out");
  }
}

beforeAll(async () => {
  store = await startEmbeddedForTest();
  const uri = `${store.uri}/wa-owned`;
  // The number is linked already (as after a QR scan), so a socket opens by itself.
  const connection = await mongoose.createConnection(uri).asPromise();
  const auth = await useMongoAuthState(connection, SESSION);
  auth.state.creds.me = { id: `${OWN_NUMBER}:7@s.whatsapp.net`, name: "Sampark" };
  auth.state.creds.registered = true;
  await auth.saveCreds();
  await connection.close();
  // Both start at once, so neither is favoured: whichever wins the number must do all the sending.
  const fakes = [createFakeBaileys(), createFakeBaileys()] as const;
  const samparks = await Promise.all(fakes.map((fake) => startTestSampark({ uri, channels: whatsapp(fake) })));
  await until(() => fakes.some((f) => f.sockets[0]?.isOpen === true));
  const first = fakes[0].sockets.length > 0 ? 0 : 1;
  owner = { sampark: samparks[first]!, fake: fakes[first]! };
  other = { sampark: samparks[1 - first]!, fake: fakes[1 - first]! };
});
afterAll(async () => {
  await owner?.sampark.stop();
  await other?.sampark.stop();
  await store?.stop();
});

describe("WhatsApp: one instance owns the number, socket and sender", () => {
  it("answers a message through the socket-owning instance, and sends the other instance's rows through it too", async () => {
    expect(other.fake.sockets).toHaveLength(0);
    owner.fake.latest().receive([textMessage("919812345678", "नमस्ते")]);
    await expect.poll(() => sentTo(owner.fake, "919812345678").length, { timeout: 10_000 }).toBe(1);

    const elsewhere = await commitReply(other.sampark, "919812345679", "from the other instance");
    await expect.poll(async () => (await other.sampark.models.outbox.findById(elsewhere).lean())?.state, { timeout: 10_000 }).toBe("sent");
    const row = await other.sampark.models.outbox.findById(elsewhere).lean();
    // Sent once, through the owner's socket, at the first attempt: the other instance never tried
    // a send it could not make.
    expect(sentTo(owner.fake, "919812345679").map((m) => m.id)).toEqual([row?.providerId]);
    expect(row?.attempts).toBe(0);
    expect(other.fake.sockets).toHaveLength(0);
    // There is no separate sender lease that could land elsewhere.
    expect(await other.sampark.models.locks.findById("sender:whatsapp").lean()).toBeNull();
  });

  it("moves socket and sends over to the other instance when the owner stops", async () => {
    await owner.sampark.stopChannels();
    expect(owner.fake.latest().ended).toBe(true);
    await expect.poll(() => other.fake.sockets[0]?.isOpen, { timeout: 10_000 }).toBe(true);

    const before = owner.fake.sockets.flatMap((s) => s.sent).length;
    const next = await commitReply(owner.sampark, "919812345680", "after the move");
    await expect.poll(async () => (await other.sampark.models.outbox.findById(next).lean())?.state, { timeout: 10_000 }).toBe("sent");
    expect(sentTo(other.fake, "919812345680")).toHaveLength(1);
    expect(owner.fake.sockets.flatMap((s) => s.sent)).toHaveLength(before);

    other.fake.latest().receive([textMessage("919812345681", "मदद")]);
    await expect.poll(() => sentTo(other.fake, "919812345681").length, { timeout: 10_000 }).toBe(1);
  });
});
