/**
 * The web channel through the real composition: replies go from the outbox through the web
 * sender into the contact's inbox, and the chat API reads them back; two instances share one
 * store the way a multi-instance deployment does.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWebChannel } from "../../../src/channels/web/web-channel.js";
import type { WebMessage } from "../../../src/channels/web/web-inbox.js";
import type { OutboxDoc, RuntimeModels } from "../../../src/store/models/runtime-models.js";
import { recentDates } from "../../support/recent-dates.js";
import { startEmbeddedForTest, startTestSampark, type TestSampark } from "../../support/sampark.js";

let store: { uri: string; stop(): Promise<void> };
beforeAll(async () => {
  store = await startEmbeddedForTest();
});
afterAll(() => store?.stop());

const post = (url: string, id: string, text: string, messageId?: string) =>
  fetch(`${url}/api/chat/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contact: { id }, text, ...(messageId ? { messageId } : {}) }) });
const read = async (url: string, id: string, after = 0, wait = 0) =>
  (await (await fetch(`${url}/api/chat/contacts/${id}/messages?after=${after}&wait=${wait}`)).json()) as { messages: WebMessage[]; cursor: number };

let rows = 0;
/** A queued web outbox row, as a commit writes it. */
async function queueRow(models: RuntimeModels, contact: string, lane: OutboxDoc["lane"], text: string, at: Date): Promise<string> {
  const id = `web:${contact}:row-${++rows}`;
  await models.outbox.create({ _id: id, channel: "web", contactKey: `web:${contact}`, recipient: contact, lane, payload: { text }, seq: rows, state: "queued", notBefore: at, attempts: 0, createdAt: at });
  return id;
}

describe("web channel, one instance", () => {
  let a: TestSampark;
  let url = "";
  beforeAll(async () => {
    a = await startTestSampark({ uri: `${store.uri}/web-one` });
    url = await a.serve();
  });
  afterAll(() => a?.stop());

  it("delivers replies through the outbox sender: rows end sent, with the inbox message as provider id", async () => {
    expect(a.channels).toContain("web");
    expect((await post(url, "through", "नमस्ते")).status).toBe(200);
    const { messages, cursor } = await read(url, "through");
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ seq: 1, text: expect.stringContaining("भाषा"), choices: [{ id: "hi", label: "हिंदी" }, { id: "en", label: "English" }] });
    expect(cursor).toBe(1);
    await expect.poll(async () => (await a.models.outbox.find({ contactKey: "web:through" }).lean()).map((r) => [r.state, r.providerId])).toEqual([["sent", messages[0]!.id]]);
  });

  it("answers a long-poll with a reply of several messages at once, in order", async () => {
    const reading = read(url, "several", 0, 10);
    await new Promise((r) => setTimeout(r, 100));
    // Written directly, as another instance's commit would: the sender's own poll finds them.
    const now = new Date();
    for (const text of ["one", "two", "three"]) await queueRow(a.models, "several", "reply", text, now);
    const { messages } = await reading;
    expect(messages.map((m) => [m.seq, m.text])).toEqual([[1, "one"], [2, "two"], [3, "three"]]);
  });

  it("makes a repeated attempt at the same part a no-op", async () => {
    // A second adapter on the same store, as another instance's would be.
    const channel = createWebChannel({ connection: a.connection, models: a.models, log: a.logs.log });
    await channel.start(async () => {});
    const part = { type: "text" as const, text: "एक बार" };
    const first = await channel.send({ recipient: "twice", part, key: "web:twice:7:0:0" });
    const again = await channel.send({ recipient: "twice", part, key: "web:twice:7:0:0" });
    expect(again).toBe(first);
    expect((await channel.read("twice", 0, 0)).map((m) => m.text)).toEqual(["एक बार"]);
    await channel.stop();
  });

  it("reads from the start when the cursor is beyond the last message (the inbox expired and started afresh)", async () => {
    expect((await post(url, "afresh", "hello")).status).toBe(200);
    const { messages } = await read(url, "afresh", 9_999);
    expect(messages.map((m) => m.seq)).toEqual([1]);
  });
});

describe("web channel, quiet hours (22:00–06:00 IST)", () => {
  let a: TestSampark;
  let url = "";
  // Recent dates: the store's TTL sweep runs on the real clock and would expire older inboxes.
  const at = recentDates("2026-11-23T23:00:00+05:30");
  let clock = at("2026-11-23T23:00:00+05:30");
  beforeAll(async () => {
    a = await startTestSampark({ uri: `${store.uri}/web-quiet`, now: () => clock });
    url = await a.serve();
  });
  afterAll(() => a?.stop());

  it("holds a dialog message until quiet hours end, like any channel's, while replies still go", async () => {
    const held = await queueRow(a.models, "night", "dialog", "reminder", clock);
    await queueRow(a.models, "night", "reply", "answer", clock);
    // The sender's poll follows its (pinned) clock: a tick past it lets the poll run.
    clock = new Date(clock.getTime() + 1000);
    await expect.poll(async () => (await read(url, "night")).messages.map((m) => m.text), { timeout: 5000 }).toEqual(["answer"]);
    await expect.poll(async () => (await a.models.outbox.findById(held).lean())?.notBefore.toISOString(), { timeout: 5000 }).toBe(at("2026-11-24T06:00:00+05:30").toISOString());
    clock = at("2026-11-24T06:01:00+05:30");
    await expect.poll(async () => (await read(url, "night")).messages.map((m) => m.text), { timeout: 5000 }).toEqual(["answer", "reminder"]);
  });
});

describe("web channel, two instances on one store", () => {
  let a: TestSampark;
  let b: TestSampark;
  let urlA = "";
  let urlB = "";
  beforeAll(async () => {
    a = await startTestSampark({ uri: `${store.uri}/web-two` });
    b = await startTestSampark({ uri: `${store.uri}/web-two` });
    [urlA, urlB] = await Promise.all([a.serve(), b.serve()]);
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
  });

  it("serves readers in both, whichever holds the web sender's lease", async () => {
    expect((await post(urlA, "elsewhere", "hello", "elsewhere-1")).status).toBe(200);
    // One of the two delivers; for the other one this is a read across instances.
    const started = Date.now();
    const [viaA, viaB] = await Promise.all([read(urlA, "elsewhere"), read(urlB, "elsewhere")]);
    expect(viaA.messages).toHaveLength(1);
    expect(viaB.messages).toEqual(viaA.messages);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
