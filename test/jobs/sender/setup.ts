/** A real embedded store, the fake Bot API and the grammY adapter, wired for sender tests. */
import mongoose, { type Connection } from "mongoose";
import { createTelegramChannel, type TelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { startEmbeddedMongo } from "../../../src/store/embedded/index.js";
import { runtimeModels, type OutboxDoc, type RuntimeModels } from "../../../src/store/models/runtime-models.js";
import { startFakeBotApi, type FakeBotApi } from "../../fakes/telegram-bot-api.js";
import { captureLogger, type CapturedLogger } from "../../support/logger.js";

export interface SenderWorld {
  models: RuntimeModels;
  api: FakeBotApi;
  channel: TelegramChannel;
  logs: CapturedLogger;
  close(): Promise<void>;
}

export async function startSenderWorld(): Promise<SenderWorld> {
  const embedded = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  const connection: Connection = await mongoose.createConnection(`${embedded.uri}/sender-test`, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const models = runtimeModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const api = await startFakeBotApi();
  const logs = captureLogger("info");
  const channel = createTelegramChannel({ token: api.token, apiRoot: api.url, mode: "webhook", sendTimeoutSeconds: 1, log: logs.log });
  return {
    models,
    api,
    channel,
    logs,
    async close() {
      await api.close();
      await connection.close();
      await embedded.stop();
    },
  };
}

let counter = 0;

/** Inserts a queued Telegram outbox row (and its contact) the way the runtime's commit does. */
export async function queueRow(models: RuntimeModels, chatId: number, fields: Partial<OutboxDoc> & { text?: string } = {}): Promise<string> {
  const { text, ...rest } = fields;
  const contactKey = `telegram:${chatId}`;
  const now = new Date();
  await models.contacts.updateOne(
    { _id: contactKey },
    { $setOnInsert: { channel: "telegram", address: String(chatId), roles: [], optedOut: false, blocked: false, createdAt: now, lastSeenAt: now } },
    { upsert: true },
  );
  const id = `${contactKey}:${++counter}:0`;
  await models.outbox.create({
    _id: id,
    channel: "telegram",
    contactKey,
    recipient: String(chatId),
    lane: "broadcast",
    payload: { text: text ?? `संदेश ${counter}` },
    seq: counter,
    state: "queued",
    notBefore: now,
    attempts: 0,
    createdAt: now,
    ...rest,
  });
  return id;
}

export async function rowOf(models: RuntimeModels, id: string): Promise<OutboxDoc> {
  const row = (await models.outbox.findById(id).lean()) as OutboxDoc | null;
  if (!row) throw new Error(`no outbox row ${id}`);
  return row;
}
