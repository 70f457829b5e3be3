import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestSampark, type TestSampark } from "../support/sampark.js";

describe("web chat HTTP API", () => {
  let sampark: TestSampark;
  let url = "";
  beforeAll(async () => {
    sampark = await startTestSampark();
    url = await sampark.serve();
  });
  afterAll(async () => sampark?.stop());

  const post = (body: string) => fetch(`${url}/api/chat/messages`, { method: "POST", headers: { "content-type": "application/json" }, body });

  it("answers malformed JSON with 400 and keeps serving", async () => {
    const res = await post("{not json");
    expect(res.status).toBe(400);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
  });

  it("answers a body that breaks the schema with 400 naming each problem", async () => {
    const res = await post(JSON.stringify({ contact: { id: "bad id!" } }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { issues: string[] };
    expect(body.issues.join("\n")).toMatch(/contact\.id/);
    expect(body.issues.join("\n")).toMatch(/text, choice or photo is required/);
  });

  it("processes a message id once even when posted twice", async () => {
    const body = JSON.stringify({ contact: { id: "idem" }, text: "hello", messageId: "m-1" });
    expect(await (await post(body)).json()).toMatchObject({ duplicate: false });
    expect(await (await post(body)).json()).toMatchObject({ duplicate: true });
    const res = await fetch(`${url}/api/chat/contacts/idem/messages?after=0`);
    expect(((await res.json()) as { messages: unknown[] }).messages).toHaveLength(1);
  });

  it("long-polls: a waiting reader gets the reply as soon as it is committed", async () => {
    const started = Date.now();
    const reading = fetch(`${url}/api/chat/contacts/poller/messages?after=0&wait=20`).then((r) => r.json() as Promise<{ messages: unknown[]; cursor: number }>);
    await new Promise((r) => setTimeout(r, 200));
    await post(JSON.stringify({ contact: { id: "poller" }, text: "hello" }));
    const result = await reading;
    expect(result.messages).toHaveLength(1);
    expect(result.cursor).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it("rejects an invalid contact id or cursor in the reader with 400", async () => {
    expect((await fetch(`${url}/api/chat/contacts/${encodeURIComponent("a b")}/messages`)).status).toBe(400);
    expect((await fetch(`${url}/api/chat/contacts/ok/messages?after=abc`)).status).toBe(400);
  });
});
