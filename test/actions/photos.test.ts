/**
 * Member photos end to end through the real wiring (engine, shipped flows, runtime, embedded
 * store): a WhatsApp photo fetched from a fake CDN and decrypted by Baileys, a photo uploaded in
 * the web simulator, both kept as small JPEGs in GridFS and printed on the card (with the
 * configured logo); too-big, unreadable and unreachable photos; erasure; referral links.
 */
import { randomBytes } from "node:crypto";
import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleSampark, type Sampark } from "../../src/assemble.js";
import { ephemeralEnrolmentConfig } from "../../src/actions/index.js";
import { convertMessage } from "../../src/channels/whatsapp/convert.js";
import type { InboundMessage } from "../../src/engine/types.js";
import { createTranslator } from "../../src/i18n/index.js";
import { listen, type RunningServer } from "../../src/http/serve.js";
import { createCardStore } from "../../src/store/members/cards.js";
import { PHOTO_BUCKET } from "../../src/store/members/photos.js";
import { startFakeWhatsAppMedia, type FakeWhatsAppMedia, type UploadedImage } from "../fakes/whatsapp-media-server.js";
import { pixelsOf, type Pixels } from "../cards/png.js";
import { testImage } from "../support/images.js";
import { captureLogger } from "../support/logger.js";
import { loadShippedFlows, startEmbeddedForTest } from "../support/sampark.js";

const LOGO_COLOUR = [39, 174, 96]; // #27ae60
const PHOTO_EDGE = [192, 57, 43]; // #c0392b, the test image's colour
const PHOTO_CENTRE = [27, 38, 49]; // #1b2631, its middle square
const BOT_NUMBER = "919000000001";

let embedded: { uri: string; stop(): Promise<void> };
let connection: Connection;
let sampark: Sampark;
let server: RunningServer;
let cdn: FakeWhatsAppMedia;
let photo: Buffer;
let n = 0;

beforeAll(async () => {
  embedded = await startEmbeddedForTest();
  connection = await mongoose.createConnection(`${embedded.uri}/enrol-photos`).asPromise();
  cdn = await startFakeWhatsAppMedia();
  photo = await testImage(960, 1280);
  const logo = await testImage(200, 200, "png", "#27ae60");
  sampark = await assembleSampark({
    connection,
    flows: loadShippedFlows(),
    translate: createTranslator(),
    log: captureLogger("error").log,
    quietHours: { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" },
    webSimulator: true,
    enrolment: { ...ephemeralEnrolmentConfig(), cardSigningKey: randomBytes(32), logo, whatsappNumber: BOT_NUMBER },
    storeReady: async () => true,
  });
  server = await listen(sampark.app, 0, "127.0.0.1");
});
afterAll(async () => {
  await server?.close(500);
  await sampark?.runtime.idle();
  await connection?.close();
  await embedded?.stop();
  await cdn?.close();
});

/** One person chatting: answers each question as it comes, whatever other questions the flows add. */
class Person {
  private seq = 0;
  readonly replies: string[] = [];
  constructor(
    readonly contactKey: string,
    private readonly profile: { name?: string; phone?: string } = {},
  ) {}

  async send(content: Partial<InboundMessage>, eventId = `e${n++}`): Promise<string[]> {
    const message = { channel: this.contactKey.split(":")[0] ?? "", eventId, contactKey: this.contactKey, kind: "text", ...content } as InboundMessage;
    await sampark.runtime.receive(message, this.profile);
    return this.read();
  }

  say = (text: string) => this.send({ kind: "text", text });

  async read(): Promise<string[]> {
    const rows = await sampark.models.outbox.find({ contactKey: this.contactKey, seq: { $gt: this.seq } }).sort({ seq: 1 }).lean();
    this.seq = rows.at(-1)?.seq ?? this.seq;
    const texts = rows.map((r) => String((r.payload as { text?: string }).text ?? ""));
    this.replies.push(...texts);
    return texts;
  }

  /** Enrols in English up to the confirmation, answering the photo question with `answerPhoto`. */
  async enrolUpTo(details: { name: string; phone: string; epic: string }, answerPhoto: () => Promise<string[]>): Promise<string[]> {
    let last = [...(await this.say("hello")), ...(await this.say("english")), ...(await this.say("join"))];
    for (let turns = 0; turns < 30; turns++) {
      const asked = last.at(-1) ?? "";
      if (asked.startsWith("Please check")) return last;
      last = await this.answer(asked, details, answerPhoto);
    }
    throw new Error(`no confirmation; said: ${JSON.stringify(this.replies)}`);
  }

  private answer(asked: string, d: { name: string; phone: string; epic: string }, answerPhoto: () => Promise<string[]>): Promise<string[]> {
    const rules: [RegExp, () => Promise<string[]>][] = [
      [/Before you join/, () => this.say("yes")],
      [/full name/, () => this.say(d.name)],
      [/How old/, () => this.say("41")],
      [/mobile number/, () => this.say(d.phone)],
      [/voter ID card/, () => this.say(d.epic)],
      [/name or number of your assembly/, () => this.say("170")],
      [/Choose your assembly|Choose your booth/, () => this.say("1")],
      [/part number/, () => this.say("12")],
      [/photo of yourself/, answerPhoto],
      [/One optional question/, () => this.say("no")],
      [/gender|address|SKIP|skip/i, () => this.say("skip")],
    ];
    const rule = rules.find(([pattern]) => pattern.test(asked));
    if (!rule) throw new Error(`unexpected question: ${asked}; said: ${JSON.stringify(this.replies)}`);
    return rule[1]();
  }
}

/** A WhatsApp image message from the fake CDN, converted by the real converter. */
function whatsappPhoto(upload: UploadedImage, from: string): Partial<InboundMessage> {
  const converted = convertMessage({
    key: { remoteJid: `${from}@s.whatsapp.net`, fromMe: false, id: `3EB0${randomBytes(8).toString("hex").toUpperCase()}` },
    messageTimestamp: 1736929876,
    message: { imageMessage: upload.imageMessage },
  });
  if (converted.type !== "event") throw new Error(converted.reason);
  return converted.event.message;
}

async function memberOf(contactKey: string) {
  return connection.collection("members").findOne({ contactKeys: contactKey });
}

async function photoFiles(memberId: unknown) {
  return connection.collection(`${PHOTO_BUCKET}.files`).find({ "metadata.memberId": memberId }).toArray();
}

/** The card last sent to the contact, decoded. */
async function lastCard(contactKey: string): Promise<Pixels> {
  const rows = await sampark.models.outbox.find({ contactKey }).sort({ seq: -1 }).lean();
  const image = rows.map((r) => (r.payload as { image?: string }).image).find((i) => i !== undefined) ?? "";
  const code = /\/cards\/(.+)\.png$/.exec(image)?.[1] ?? "";
  const png = await createCardStore(connection).png(code);
  if (!png) throw new Error(`no stored card for ${image}`);
  return pixelsOf(png);
}

function pixel(p: Pixels, x: number, y: number): number[] {
  const i = (y * p.width + x) * 4;
  return [p.data[i] ?? 0, p.data[i + 1] ?? 0, p.data[i + 2] ?? 0];
}

function near(actual: number[], expected: number[], tolerance = 30): boolean {
  return actual.every((v, i) => Math.abs(v - (expected[i] ?? 0)) <= tolerance);
}

describe("member photos", () => {
  it("fetches a WhatsApp photo, keeps a small JPEG in GridFS and prints it on the card with the logo", async () => {
    const asha = new Person("whatsapp:919812300001", { name: "Asha", phone: "919812300001" });
    const upload = cdn.upload(photo);
    await asha.enrolUpTo({ name: "Asha Verma", phone: "9812300001", epic: "ABC1234566" }, () => asha.send(whatsappPhoto(upload, "919812300001")));
    const done = await asha.say("yes");
    expect(done[0]).toContain("You are now a member");
    expect(done.join("\n")).not.toMatch(/could not use|too large/);

    const member = await memberOf(asha.contactKey);
    const files = await photoFiles(member?._id);
    expect(files).toHaveLength(1);
    expect(member?.["photo"]).toEqual({ fileId: String(files[0]?._id), storedAt: expect.any(Date) });
    expect(files[0]?.["length"]).toBeLessThan(60_000); // 480 px JPEG, not the 960×1280 original
    expect(cdn.requests()).toContain(upload.path);

    const card = await lastCard(asha.contactKey);
    // Photo box (40,150)–(260,420): the photo's colour at its edge, its dark square in the middle.
    expect(pixel(card, 45, 160)).toSatisfy((c: number[]) => near(c, PHOTO_EDGE));
    expect(pixel(card, 150, 285)).toSatisfy((c: number[]) => near(c, PHOTO_CENTRE));
    // Logo box (28,16)–(116,104): the configured logo, not the generated mark.
    expect(pixel(card, 35, 25)).toSatisfy((c: number[]) => near(c, LOGO_COLOUR));
  });

  it("shows a wa.me referral link with the configured number in the welcome", async () => {
    const member = await memberOf("whatsapp:919812300001");
    const code = String(member?.["referralCode"]);
    const asha = new Person("whatsapp:919812300001");
    const welcome = (await sampark.models.outbox.find({ contactKey: asha.contactKey }).lean())
      .map((r) => String((r.payload as { text?: string }).text))
      .find((t) => t.includes("You are now a member"));
    expect(welcome).toContain(`WhatsApp: https://wa.me/${BOT_NUMBER}?text=JOIN%20${code}`);
    expect(welcome).toContain(`"JOIN ${code}"`);
  });

  it("says MY DATA holds a photo; erasure deletes the file and its chunks", async () => {
    const asha = new Person("whatsapp:919812300001");
    expect((await asha.say("my data")).join("\n")).toContain("We also hold your photo.");
    await asha.say("done");
    const member = await memberOf(asha.contactKey);
    const [file] = await photoFiles(member?._id);
    await asha.say("delete my data");
    await asha.say("yes");
    const tomb = await connection.collection("members").findOne({ _id: member?._id });
    expect(tomb).toMatchObject({ status: "erased" });
    expect(tomb).not.toHaveProperty("photo");
    expect(await photoFiles(member?._id)).toEqual([]);
    expect(await connection.collection(`${PHOTO_BUCKET}.chunks`).countDocuments({ files_id: file?._id })).toBe(0);
  });

  it("goes on without a photo that is too big, and says so", async () => {
    const ravi = new Person("whatsapp:919812300002", { phone: "919812300002" });
    const upload = cdn.upload(photo);
    const huge = { ...upload, imageMessage: { ...upload.imageMessage, fileLength: 8 * 1024 * 1024 } };
    await ravi.enrolUpTo({ name: "Ravi Yadav", phone: "9812300002", epic: "BCD2345677" }, () => ravi.send(whatsappPhoto(huge, "919812300002")));
    const done = await ravi.say("yes");
    expect(done).toEqual(expect.arrayContaining([expect.stringContaining("You are now a member"), "Your photo was too large to use (at most 5 MB), so your membership card is without a photo."]));
    const member = await memberOf(ravi.contactKey);
    expect(member).not.toHaveProperty("photo");
    expect(await photoFiles(member?._id)).toEqual([]);
    expect(cdn.requests()).not.toContain(upload.path);
    // The silhouette: grey where the photo's colour would be.
    expect(pixel(await lastCard(ravi.contactKey), 45, 160)).toSatisfy((c: number[]) => near(c, [230, 233, 236], 12));
  });

  it("goes on without a photo that is not an image, and says so", async () => {
    const meena = new Person("whatsapp:919812300003", { phone: "919812300003" });
    const upload = cdn.upload(Buffer.from("this is not a picture"));
    await meena.enrolUpTo({ name: "Meena Devi", phone: "9812300003", epic: "CDE3456788" }, () => meena.send(whatsappPhoto(upload, "919812300003")));
    const done = await meena.say("yes");
    expect(done).toContain("We could not use the photo you sent, so your membership card is without a photo.");
    expect(await memberOf(meena.contactKey)).not.toHaveProperty("photo");
  });

  it("retries the enrolment when the CDN is down, and keeps the photo once it answers", async () => {
    const kiran = new Person("whatsapp:919812300004", { phone: "919812300004" });
    const upload = cdn.upload(photo);
    await kiran.enrolUpTo({ name: "Kiran Pal", phone: "9812300004", epic: "DEF4567899" }, () => kiran.send(whatsappPhoto(upload, "919812300004")));
    cdn.fault({ type: "status", status: 503 }, upload.path);
    await expect(kiran.send({ kind: "text", text: "yes" }, "confirm-kiran")).rejects.toThrow(/HTTP 503/);
    expect(await memberOf(kiran.contactKey)).toBeNull(); // nothing written before the photo was fetched
    await kiran.send({ kind: "text", text: "yes" }, "confirm-kiran"); // the redelivery
    const member = await memberOf(kiran.contactKey);
    expect(member?.["photo"]).toBeDefined();
    expect(await photoFiles(member?._id)).toHaveLength(1);
  });

  it("keeps the photo reference out of the inbound log once processed", async () => {
    const events = await sampark.models.inboundEvents.find({ contactKey: "whatsapp:919812300004", "event.kind": "photo" }).lean();
    expect(events).toHaveLength(1);
    expect(events[0]?.event).not.toHaveProperty("media");
    const session = await sampark.models.sessions.findById("whatsapp:919812300004").lean();
    expect(JSON.stringify(session?.state)).not.toContain("wa-media:");
  });

  it("takes a photo uploaded in the web simulator", async () => {
    const url = `http://127.0.0.1:${server.port}`;
    const web = new Person("web:photo-web");
    const jpeg = await testImage(800, 600);
    await web.enrolUpTo({ name: "Sunita Rao", phone: "9812300005", epic: "EFG5678900" }, async () => {
      const res = await fetch(`${url}/api/chat/contacts/photo-web/media`, { method: "POST", headers: { "content-type": "image/jpeg" }, body: jpeg });
      expect(res.status).toBe(201);
      const { media } = (await res.json()) as { media: string };
      const posted = await fetch(`${url}/api/chat/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contact: { id: "photo-web" }, photo: media }) });
      expect(posted.status).toBe(200);
      return web.read();
    });
    await web.say("yes");
    const member = await memberOf(web.contactKey);
    expect(await photoFiles(member?._id)).toHaveLength(1);
    expect(pixel(await lastCard(web.contactKey), 45, 160)).toSatisfy((c: number[]) => near(c, PHOTO_EDGE));
  });

  it("refuses web uploads that are too big or not images", async () => {
    const url = `http://127.0.0.1:${server.port}/api/chat/contacts/photo-web/media`;
    expect((await fetch(url, { method: "POST", headers: { "content-type": "image/jpeg" }, body: Buffer.alloc(5 * 1024 * 1024 + 1) })).status).toBe(413);
    expect((await fetch(url, { method: "POST", headers: { "content-type": "text/plain" }, body: "hello" })).status).toBe(415);
    const bad = await fetch(`http://127.0.0.1:${server.port}/api/chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ contact: { id: "photo-web" }, photo: "https://example.org/x.jpg" }),
    });
    expect(bad.status).toBe(400);
  });
});
