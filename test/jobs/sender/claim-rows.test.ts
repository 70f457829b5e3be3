/** Claiming rows on the embedded store: lane priority with and without a backlog, outreach limits, the blocked check beside the claim. */
import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { claimRows } from "../../../src/jobs/sender/claim-rows.js";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../../src/store/embedded/index.js";
import { runtimeModels, type OutboxDoc, type RuntimeModels } from "../../../src/store/models/runtime-models.js";

let embedded: EmbeddedMongo;
let connection: Connection;
let models: RuntimeModels;
const now = new Date();
const ago = (s: number) => new Date(now.getTime() - s * 1000);

beforeAll(async () => {
  embedded = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  connection = await mongoose.createConnection(`${embedded.uri}/claim-rows`).asPromise();
  models = runtimeModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
});
afterAll(async () => {
  await connection.close();
  await embedded.stop();
});

let n = 0;
async function row(lane: OutboxDoc["lane"], due: Date, contact = `c${++n}`): Promise<string> {
  const id = `telegram:${contact}:${++n}:0`;
  await models.outbox.create({ _id: id, channel: "telegram", contactKey: `telegram:${contact}`, recipient: contact, lane, payload: { text: id }, seq: n, state: "queued", notBefore: due, attempts: 0, createdAt: due });
  return id;
}

const claim = (limit: number, extra: { outreachLimit?: number } = {}) => claimRows(models, { channel: "telegram", owner: "me", now, leaseMs: 60_000, limit, ...extra });

describe("claimRows", () => {
  let broadcasts: string[];
  let dialog: string;
  let reply: string;
  beforeEach(async () => {
    await models.outbox.deleteMany({});
    // Old broadcasts first: a read of the oldest rows alone would be all broadcasts.
    broadcasts = [];
    for (let i = 0; i < 5; i++) broadcasts.push(await row("broadcast", ago(100 - i)));
    dialog = await row("dialog", ago(10));
    reply = await row("reply", ago(1));
    await row("reply", new Date(now.getTime() + 60_000)); // not due yet
  });

  it("takes every due row in lane order when fewer are due than it may take", async () => {
    const { rows } = await claim(20);
    expect(rows.map((r) => r._id)).toEqual([reply, dialog, ...broadcasts]);
    expect(rows.every((r) => r.state === "leased" && r.leaseOwner === "me")).toBe(true);
    expect(await models.outbox.countDocuments({ state: "leased", leaseOwner: "me" })).toBe(7);
  });

  it("puts replies and dialog first even when a backlog of older broadcasts fills the claim", async () => {
    const { rows } = await claim(3);
    expect(rows.map((r) => r._id)).toEqual([reply, dialog, broadcasts[0]]);
    expect(await models.outbox.countDocuments({ state: "queued" })).toBe(5);
  });

  it("claims no outreach past the outreach limit (quiet hours: 0)", async () => {
    expect((await claim(20, { outreachLimit: 0 })).rows.map((r) => r._id)).toEqual([reply]);
    expect((await claim(20, { outreachLimit: 2 })).rows.map((r) => r._id)).toEqual([dialog, broadcasts[0]]);
  });

  it("reports blocked contacts of the claimed rows, asked beside the claim", async () => {
    const asked: string[][] = [];
    const { rows, blocked } = await claimRows(models, { channel: "telegram", owner: "me", now, leaseMs: 60_000, limit: 20, blockedAmong: async (keys) => (asked.push(keys), new Set([keys[0]!])) });
    expect(asked).toEqual([rows.map((r) => r.contactKey)]);
    expect([...blocked]).toEqual([rows[0]!.contactKey]);
  });
});
