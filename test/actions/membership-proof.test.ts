/**
 * Proof of control before the duplicate offer updates a membership (issue 4): through the real
 * wiring (engine, shipped flows, runtime, embedded store). Whoever knows someone's voter ID must
 * not be able to overwrite their record — not by answering the flow, not by editing the flow.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import mongoose, { type Connection } from "mongoose";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { assembleSampark, type Sampark } from "../../src/assemble.js";
import { enrolmentActions, ephemeralEnrolmentConfig } from "../../src/actions/index.js";
import { parseFlowSource } from "../../src/engine/index.js";
import type { FlowSet, InboundMessage } from "../../src/engine/types.js";
import { createTranslator } from "../../src/i18n/index.js";
import { createActionRegistry, type ActionRegistry } from "../../src/runtime/actions.js";
import type { ContactProfile } from "../../src/runtime/runtime.js";
import { ROOT, loadShippedFlows, startEmbeddedForTest } from "../support/sampark.js";
import { captureLogger } from "../support/logger.js";

const config = ephemeralEnrolmentConfig();
const BOOTH = "UP:AC:170:P:12";
const NOW = () => new Date();

/** The shipped flows with one text replaced in one file: what an organiser's careless edit could do. */
function editedFlows(file: string, from: string, to: string): FlowSet {
  const dir = path.join(ROOT, "flows");
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".yaml"))) files[`flows/${name}`] = readFileSync(path.join(dir, name), "utf8");
  const original = files[`flows/${file}`] ?? "";
  expect(original).toContain(from);
  files[`flows/${file}`] = original.replace(from, to);
  const parsed = parseFlowSource(files);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.flows;
}

interface Harness {
  connection: Connection;
  sampark: Sampark;
  registry: ActionRegistry;
  say(contact: string, ...texts: string[]): Promise<void>;
  send(message: Omit<InboundMessage, "eventId">, profile?: ContactProfile): Promise<void>;
  member(epic: string): Promise<Record<string, unknown> | null>;
  audit(memberId: unknown): Promise<Record<string, unknown>[]>;
  lastCodeTo(contactKey: string): Promise<string>;
  repliesTo(contactKey: string): Promise<string[]>;
}

let n = 0;
async function harness(uri: string, db: string, flows: FlowSet): Promise<Harness> {
  const connection = await mongoose.createConnection(`${uri}/${db}`).asPromise();
  const translate = createTranslator();
  const sampark = await assembleSampark({
    connection,
    flows,
    translate,
    log: captureLogger("warn").log,
    quietHours: { start: "22:00", end: "06:00", timezone: "Asia/Kolkata" },
    webSimulator: false,
    enrolment: config,
    storeReady: async () => true,
  });
  const registry = createActionRegistry(sampark.models, await enrolmentActions({ connection, config, translate }));
  const send: Harness["send"] = async (message, profile) => {
    await sampark.runtime.receive({ ...message, eventId: `e${n++}` } as InboundMessage, profile);
  };
  return {
    connection,
    sampark,
    registry,
    send,
    async say(contact, ...texts) {
      for (const text of texts) await send({ channel: "web", contactKey: `web:${contact}`, kind: "text", text });
    },
    member: (epic) => connection.collection("members").findOne({ epic }),
    audit: (memberId) => connection.collection("audit_log").find({ memberId }).sort({ at: 1 }).toArray(),
    async lastCodeTo(contactKey) {
      const [notice] = await connection.collection("outbox").find({ contactKey, _id: { $regex: "^notice:" } as never }).sort({ createdAt: -1 }).limit(1).toArray();
      const code = /\b(\d{6})\b/.exec(String((notice?.["payload"] as { text?: string } | undefined)?.text ?? ""))?.[1];
      if (!code) throw new Error(`no code sent to ${contactKey}`);
      return code;
    },
    async repliesTo(contactKey) {
      const rows = await connection.collection("outbox").find({ contactKey }).sort({ seq: 1 }).toArray();
      return rows.map((r) => String((r["payload"] as { text?: string }).text ?? ""));
    },
  };
}

/** Enrolment up to the duplicate offer: name, age, gender skipped, phone, EPIC, AC 170, booth 12, address skipped. */
const upToOffer = (name: string, phone: string, epic: string) => ["hello", "english", "join", "yes", name, "40", "skip", phone, epic, "170", "1", "12", "1", "skip"];
/** After the offer and its proof: photo skipped, religion/caste declined, confirmed. */
const AFTER_PROOF = ["skip", "no", "yes"];

describe("proof of control before a duplicate update", () => {
  let embedded: { uri: string; stop(): Promise<void> };
  let h: Harness;

  beforeAll(async () => {
    embedded = await startEmbeddedForTest();
    h = await harness(embedded.uri, "proof", loadShippedFlows());
    // Two members who enrolled themselves on the web, one via Telegram-style contact share later.
    await h.say("owner", ...upToOffer("Sunita Devi", "9811100001", "SUN1234566").slice(0, -1), "House 1, Rampur", "skip", "no", "yes");
    await h.say("owner2", ...upToOffer("Ramesh Yadav", "9811100002", "RAM1234566"), "skip", "no", "yes");
  });
  afterAll(async () => {
    await h?.sampark.runtime.idle();
    await h?.connection.close();
    await embedded?.stop();
  });

  it("three wrong codes: refused, the membership unchanged, the spent code dead, the code stored nowhere in plaintext", async () => {
    const before = await h.member("SUN1234566");
    expect(before).toMatchObject({ name: "Sunita Devi", phone: "+919811100001", address: "House 1, Rampur", contactKeys: ["web:owner"] });
    await h.say("intruder", ...upToOffer("Not Sunita", "9822200001", "SUN1234566"), "yes");
    const code = await h.lastCodeTo("web:owner");
    const wrong = ["111111", "222222", "333333"].filter((c) => c !== code).slice(0, 3);
    await h.say("intruder", ...wrong.concat(wrong.length < 3 ? ["444444"] : []));
    const replies = await h.repliesTo("web:intruder");
    expect(replies.at(-1)).toContain("nothing has been changed");
    // Read back: nothing of the intruder's details reached the record.
    expect(await h.member("SUN1234566")).toEqual(before);
    // The right code, typed after the three tries, no longer proves anything.
    const late = await h.registry.runOnce("late-try", "members.check_proof", { code }, { contactKey: "web:intruder", now: NOW() });
    expect(late).toEqual({ ok: true, result: { ok: false, attempts_left: 0 } });
    const audit = await h.audit(before?._id);
    expect(audit.map((a) => [a["action"], a["detail"] ?? null])).toEqual([
      ["member.enrolled", null],
      ["member.proof_requested", "code"],
      ["member.proof_failed", "attempts"],
    ]);
    // The code is in the notice itself (the outbox row that carries it), nowhere else.
    const client = await MongoClient.connect(embedded.uri);
    try {
      const db = client.db("proof");
      for (const name of ["member_proofs", "sessions", "action_results", "audit_log", "inbound_events", "members"]) {
        const raw = JSON.stringify(await db.collection(name).find().toArray());
        expect(raw.includes(code), `plaintext code in ${name}`).toBe(false);
      }
      const proof = await db.collection("member_proofs").findOne({ contactKey: "web:intruder" });
      expect(proof).toMatchObject({ method: "code", attempts: 3, verifiedAt: null, codeHash: expect.any(String), expiresAt: expect.any(Date) });
    } finally {
      await client.close();
    }
  });

  it("an enroller may update only with the code the member receives; the audit names the enroller, never a value", async () => {
    await h.say("enroller", ...upToOffer("Kiran Enroller", "9811100009", "KIR1234566"), "skip", "no", "yes");
    const enroller = await h.member("KIR1234566");
    const asEnroller = (...texts: string[]) =>
      (async () => {
        for (const text of texts) await h.send({ channel: "web", contactKey: "web:enroller", kind: "text", text }, { roles: ["enroller"] });
      })();
    await asEnroller("new member", "2", "yes", "Sunita Devi Verma", "41", "female", "9811100001", "SUN1234566", "170", "1", "12", "1", "skip", "yes");
    const replies = await h.repliesTo("web:enroller");
    expect(replies.at(-1)).toContain("sent a 6-digit code");
    const code = await h.lastCodeTo("web:owner");
    await asEnroller(code, ...AFTER_PROOF);
    // The typed code was checked in the run that received it: neither the session nor the inbound log keeps it.
    for (const name of ["sessions", "inbound_events", "action_results"]) {
      expect(JSON.stringify(await h.connection.collection(name).find().toArray()).includes(code), `code in ${name}`).toBe(false);
    }
    const after = await h.member("SUN1234566");
    expect(after).toMatchObject({ name: "Sunita Devi Verma", gender: "female", contactKeys: ["web:owner"] });
    const audit = (await h.audit(after?._id)).filter((a) => String(a["action"]) !== "member.enrolled");
    const recent = audit.slice(-3);
    expect(recent.map((a) => [a["action"], a["actor"], a["detail"]])).toEqual([
      ["member.proof_requested", enroller?._id, "code"],
      ["member.proof_verified", enroller?._id, "code"],
      ["member.updated", enroller?._id, "code"],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Sunita|9811100001|SUN1234566|\b\d{6}\b/);
  });

  it("the phone the channel vouches for (Telegram's own-contact share) proves it without a code, and links the chat", async () => {
    const tg = { channel: "telegram", contactKey: "telegram:555" } as const;
    for (const text of ["hello", "english", "join", "yes", "Ramesh Y", "52", "male"]) await h.send({ ...tg, kind: "text", text });
    await h.send({ ...tg, kind: "contact", contact: { phone: "+91 98111 00002", isOwn: true } }, { phone: "+919811100002" });
    for (const text of ["RAM1234566", "170", "1", "12", "1", "skip", "yes"]) await h.send({ ...tg, kind: "text", text });
    expect((await h.repliesTo("telegram:555")).at(-2)).toContain("registered with the mobile number you are writing from");
    for (const text of AFTER_PROOF) await h.send({ ...tg, kind: "text", text });
    const after = await h.member("RAM1234566");
    expect(after).toMatchObject({ name: "Ramesh Y", age: 52, contactKeys: ["web:owner2", "telegram:555"] });
    expect((await h.audit(after?._id)).map((a) => [a["action"], a["detail"] ?? null]).slice(-2)).toEqual([
      ["member.proof_verified", "phone"],
      ["member.updated", "phone"],
    ]);
    expect(await h.connection.collection("outbox").countDocuments({ contactKey: "web:owner2", _id: { $regex: "^notice:" } as never })).toBe(0);
  });

  it("no code goes to a chat that opted out: refused as unreachable", async () => {
    await h.say("owner3", ...upToOffer("Asif Khan", "9811100003", "ASI1234566"), "skip", "no", "yes");
    await h.connection.collection("contacts").updateOne({ _id: "web:owner3" as never }, { $set: { optedOut: true } });
    await h.say("intruder3", ...upToOffer("Not Asif", "9822200003", "ASI1234566"), "yes");
    expect((await h.repliesTo("web:intruder3")).at(-1)).toContain("no chat we can send a code to");
    expect(await h.connection.collection("outbox").countDocuments({ contactKey: "web:owner3", _id: { $regex: "^notice:" } as never })).toBe(0);
    expect(await h.member("ASI1234566")).toMatchObject({ name: "Asif Khan" });
  });

  it("sends at most three codes for one membership an hour", async () => {
    const ask = (key: string) =>
      h.registry.runOnce(key, "members.request_proof", { booth: BOOTH, epic: "RAM1234566", phone: "9833300000", assisted: false }, { contactKey: "web:flooder", now: NOW() });
    const statuses = [];
    for (const key of ["f1", "f2", "f3", "f4"]) {
      const outcome = await ask(key);
      statuses.push(outcome.ok ? (outcome.result as { status: string }).status : outcome.error);
    }
    expect(statuses).toEqual(["code_sent", "code_sent", "code_sent", "too_many"]);
  });
});

describe("a flow edited to skip the proof", () => {
  let embedded: { uri: string; stop(): Promise<void> };
  let h: Harness;

  beforeAll(async () => {
    embedded = await startEmbeddedForTest();
    h = await harness(embedded.uri, "skip-proof", editedFlows("enrol-details.yaml", "    then: prove\n", "    then: update_mode\n"));
  });
  afterAll(async () => {
    await h?.sampark.runtime.idle();
    await h?.connection.close();
    await embedded?.stop();
  });

  it("cannot update: members.update_existing refuses without a recorded proof and nothing changes", async () => {
    await h.say("owner", ...upToOffer("Lata Devi", "9811100005", "LAT1234566"), "skip", "no", "yes");
    const before = await h.member("LAT1234566");
    await h.say("intruder", ...upToOffer("Not Lata", "9822200005", "LAT1234566"), "yes", ...AFTER_PROOF);
    expect((await h.repliesTo("web:intruder")).at(-1)).toContain("could not be recorded");
    expect(await h.member("LAT1234566")).toEqual(before);
    expect((await h.audit(before?._id)).map((a) => [a["action"], a["detail"] ?? null])).toEqual([
      ["member.enrolled", null],
      ["member.update_refused", "not_proven"],
    ]);
  });
});
