import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeId, noticesFor } from "../../src/runtime/notices.js";
import { runtimeModels, type RuntimeModels } from "../../src/store/models/runtime-models.js";
import { startEmbeddedForTest } from "../support/sampark.js";

describe("notices to other contacts", () => {
  let store: { uri: string; stop(): Promise<void> };
  let connection: Connection;
  let models: RuntimeModels;
  const now = new Date("2026-01-10T10:00:00Z");

  beforeAll(async () => {
    store = await startEmbeddedForTest();
    connection = await mongoose.createConnection(`${store.uri}/notices`).asPromise();
    models = runtimeModels(connection);
    await Promise.all(Object.values(models).map((m) => m.init()));
  });
  afterAll(async () => {
    await connection?.close();
    await store?.stop();
  });

  it("queue one reply-lane row per action run and recipient, after what the recipient already has, and wake its channel once", async () => {
    await models.outbox.create({ _id: "earlier", channel: "telegram", contactKey: "telegram:42", recipient: "42", lane: "reply", payload: { text: "hi" }, seq: 3005, state: "sent", notBefore: now, createdAt: now });
    const woken: string[] = [];
    const notify = noticesFor(models, "web:x:17", now, (k) => woken.push(k));
    await notify({ to: "telegram:42", text: "your code is 123456" });
    await notify({ to: "telegram:42", text: "your code is 123456" });
    await noticesFor(models, "web:x:17", now)({ to: "telegram:42", text: "a re-run" });
    const rows = await models.outbox.find({ contactKey: "telegram:42", _id: noticeId("web:x:17", "telegram:42") }).lean();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ channel: "telegram", recipient: "42", lane: "reply", payload: { text: "your code is 123456" }, seq: 3006, state: "queued", notBefore: now });
    expect(woken).toEqual(["telegram:42"]);
  });

  it("start a contact that never had a message at seq 1", async () => {
    await noticesFor(models, "web:y:3", now)({ to: "web:new", text: "hello" });
    expect(await models.outbox.findById(noticeId("web:y:3", "web:new")).lean()).toMatchObject({ channel: "web", recipient: "new", seq: 1 });
  });
});
