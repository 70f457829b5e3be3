/**
 * Enrolment through the real wiring (engine, shipped flows, runtime, embedded store) with a known
 * field key: what is stored, what is not, and what the raw documents look like to the plain
 * `mongodb` driver (no mongoose in between).
 */
import { randomBytes } from "node:crypto";
import mongoose, { type Connection } from "mongoose";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleSampark, type Sampark } from "../../src/assemble.js";
import { enrolmentActions, ephemeralEnrolmentConfig } from "../../src/actions/index.js";
import { KNOWN_ACTIONS } from "../../src/engine/known-actions.js";
import { decryptField, fieldAad } from "../../src/crypto/index.js";
import { createTranslator } from "../../src/i18n/index.js";
import { loadShippedFlows, startEmbeddedForTest } from "../support/sampark.js";
import { captureLogger } from "../support/logger.js";

const RELIGION = "बौद्धधर्म-परीक्षण";
const CASTE = "जाति-परीक्षण-xyz";
const config = { ...ephemeralEnrolmentConfig(), cardSigningKey: randomBytes(32) };

describe("enrolment actions through the runtime", () => {
  let embedded: { uri: string; stop(): Promise<void> };
  let connection: Connection;
  let sampark: Sampark;
  let n = 0;
  const say = async (contact: string, ...texts: string[]) => {
    for (const text of texts) await sampark.runtime.receive({ channel: "web", eventId: `e${n++}`, contactKey: `web:${contact}`, kind: "text", text });
  };
  const enrol = (contact: string, name: string, age: string, phone: string, epic: string, sensitive: string[]) =>
    say(contact, "hello", "english", "join", "yes", name, age, "skip", phone, epic, "170", "1", "12", "1", "skip", "skip", ...sensitive, "yes");

  beforeAll(async () => {
    embedded = await startEmbeddedForTest();
    connection = await mongoose.createConnection(`${embedded.uri}/enrol-actions`).asPromise();
    sampark = await assembleSampark({
      connection,
      flows: loadShippedFlows(),
      translate: createTranslator(),
      log: captureLogger("warn").log,
      quietHours: { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" },
      webSimulator: false,
      enrolment: config,
      storeReady: async () => true,
    });
  });
  afterAll(async () => {
    await sampark?.runtime.idle();
    await connection?.close();
    await embedded?.stop();
  });

  it("registers exactly the actions flows:check knows", async () => {
    const names = (await enrolmentActions({ connection, config, translate: createTranslator() })).map((a) => a.name).sort();
    expect(names).toEqual([...KNOWN_ACTIONS].sort());
  });

  it("stores religion and caste only sealed, bound to the member; no collection holds them in plaintext", async () => {
    await enrol("sealed", "Asha Devi", "34", "9876511111", "ABC1234566", ["yes", RELIGION, CASTE]);
    const members = connection.collection("members");
    const member = await members.findOne({ contactKeys: "web:sealed" });
    expect(member?.["sensitive"]).toBeDefined();
    const sealed = member?.["sensitive"] as { religion: string; caste: string };
    expect(decryptField(config.keyring, sealed.religion, fieldAad("members", String(member?._id), "religion"))).toBe(RELIGION);
    expect(decryptField(config.keyring, sealed.caste, fieldAad("members", String(member?._id), "caste"))).toBe(CASTE);
    expect(member?.["consents"]).toEqual([
      expect.objectContaining({ purpose: "membership", method: "self", language: "en", channel: "web" }),
      expect.objectContaining({ purpose: "sensitive", method: "self" }),
    ]);

    const client = await MongoClient.connect(embedded.uri);
    try {
      const db = client.db("enrol-actions");
      // inbound_events too: the answers to the `sensitive: true` questions are blanked once processed.
      const collections = (await db.listCollections().toArray()).map((c) => c.name);
      expect(collections).toEqual(expect.arrayContaining(["members", "sessions", "action_results", "outbox", "audit_log", "inbound_events"]));
      for (const name of collections) {
        const raw = JSON.stringify(await db.collection(name).find().toArray());
        expect(raw.includes(RELIGION) || raw.includes(CASTE), `plaintext religion/caste in ${name}`).toBe(false);
      }
      // The blanked events are still there (dedupe of redeliveries), flagged, without what was typed.
      // Religion, caste, and the answer to the photo question (here SKIP; a photo's media reference otherwise).
      const blanked = await db.collection("inbound_events").find({ contactKey: "web:sealed", sensitive: true }).toArray();
      expect(blanked).toHaveLength(3);
      for (const e of blanked) expect(e).toMatchObject({ processedAt: expect.any(Date), event: { type: "inbound", kind: "text" } });
      expect(blanked.every((e) => (e["event"] as { text?: string }).text === undefined)).toBe(true);
      // Other answers keep their text for the 7 days of redelivery.
      expect(await db.collection("inbound_events").countDocuments({ contactKey: "web:sealed", "event.text": "Asha Devi" })).toBe(1);
    } finally {
      await client.close();
    }
  });

  it("keeps nothing of a minor", async () => {
    await say("minor", "hello", "english", "join", "yes", "Rohan", "16");
    expect(await connection.collection("members").countDocuments({ name: "Rohan" })).toBe(0);
    const session = await connection.collection("sessions").findOne({ _id: "web:minor" as never });
    expect(JSON.stringify(session)).not.toContain("Rohan");
  });

  it("credits a referrer only when the referred person completes enrolment", async () => {
    const referrer = await connection.collection("members").findOne({ contactKeys: "web:sealed" });
    const code = String(referrer?.["referralCode"]);
    await say("referred", "hello", "english", "cancel", `join ${code}`, "yes", "Ravi", "30", "male", "9876522222", "DEF2345676", "170", "1", "12", "1", "skip", "skip");
    expect(await connection.collection("members").countDocuments({ creditedTo: referrer?._id })).toBe(0);
    await say("referred", "no", "yes");
    expect(await connection.collection("members").findOne({ contactKeys: "web:referred" })).toMatchObject({ referredBy: referrer?._id, creditedTo: referrer?._id, creditDistrict: "LKO" });
  });

  it("updates the existing membership for a duplicate EPIC instead of creating a second, once the code sent to its chat is typed", async () => {
    await say("dup", "hello", "english", "join", "yes", "Asha D", "35", "skip", "9876533333", "abc1234566", "170", "1", "12", "1", "skip", "yes");
    const notice = await connection.collection("outbox").findOne({ contactKey: "web:sealed", _id: { $regex: "^notice:" } as never });
    const code = /\b(\d{6})\b/.exec(String((notice?.["payload"] as { text?: string } | undefined)?.text))?.[1] ?? "";
    await say("dup", code, "skip", "no", "yes");
    expect(await connection.collection("members").countDocuments({ epic: "ABC1234566", state: "UP" })).toBe(1);
    expect(await connection.collection("members").findOne({ epic: "ABC1234566" })).toMatchObject({ name: "Asha D", contactKeys: ["web:sealed", "web:dup"] });
  });

  it("erases on request: tombstone without personal data, card removed, audit entry without values", async () => {
    await enrol("erase", "Deepak", "44", "9876544444", "BCD1122332", ["no"]);
    const before = await connection.collection("members").findOne({ contactKeys: "web:erase" });
    expect(await connection.collection("member_cards").countDocuments({ memberId: before?._id })).toBe(1);
    await say("erase", "delete my data", "yes");
    const tomb = await connection.collection("members").findOne({ _id: before?._id });
    expect(tomb).toMatchObject({ status: "erased", number: before?.["number"] });
    expect(JSON.stringify(tomb)).not.toMatch(/Deepak|9876544444|BCD1122332/);
    expect(await connection.collection("member_cards").countDocuments({ memberId: before?._id })).toBe(0);
    const audit = await connection.collection("audit_log").find({ memberId: before?._id }).toArray();
    expect(audit.map((a) => a["action"])).toEqual(["member.enrolled", "member.erased"]);
    expect(JSON.stringify(audit)).not.toMatch(/Deepak|9876544444|BCD1122332/);
  });
});
