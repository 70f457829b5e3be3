/** A real embedded store and the fake Baileys socket, wired for WhatsApp adapter tests. */
import mongoose, { type Connection } from "mongoose";
import { createWhatsAppChannel, type WhatsAppChannel, type WhatsAppChannelOptions } from "../../../src/channels/whatsapp/whatsapp-channel.js";
import type { LoginPrompt } from "../../../src/channels/whatsapp/login-prompt.js";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../../src/store/embedded/index.js";
import { runtimeModels, type RuntimeModels } from "../../../src/store/models/runtime-models.js";
import { useMongoAuthState } from "../../../src/store/wa-auth/mongo-auth-state.js";
import { createFakeBaileys, type FakeBaileys } from "../../fakes/baileys-socket.js";
import { captureLogger, type CapturedLogger } from "../../support/logger.js";

export const OWN_NUMBER = "919000000001";

export interface WhatsAppWorld {
  connection: Connection;
  models: RuntimeModels;
  /** A channel on its own fake WhatsApp, with the login prompts it showed. */
  makeChannel(overrides?: Partial<WhatsAppChannelOptions>): { channel: WhatsAppChannel; fake: FakeBaileys; prompts: LoginPrompt[]; logs: CapturedLogger };
  /** Stores creds of a linked device for `sessionId`, as after a QR scan. */
  seedLinked(sessionId: string): Promise<void>;
  close(): Promise<void>;
}

export async function startWhatsAppWorld(dbName: string): Promise<WhatsAppWorld> {
  const embedded: EmbeddedMongo = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  const connection = await mongoose.createConnection(`${embedded.uri}/${dbName}`, { serverSelectionTimeoutMS: 5000 }).asPromise();
  const models = runtimeModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const channels: WhatsAppChannel[] = [];
  return {
    connection,
    models,
    makeChannel(overrides = {}) {
      const fake = createFakeBaileys();
      const prompts: LoginPrompt[] = [];
      const logs = captureLogger("debug");
      const channel = createWhatsAppChannel({
        connection,
        models,
        sessionId: "test",
        socketFactory: fake.factory,
        notifyLogin: (p) => void prompts.push(p),
        random: () => 0,
        leaseTtlMs: 600,
        redeliverDelayMs: 20,
        log: logs.log,
        ...overrides,
      });
      channels.push(channel);
      return { channel, fake, prompts, logs };
    },
    async seedLinked(sessionId) {
      const auth = await useMongoAuthState(connection, sessionId);
      auth.state.creds.me = { id: `${OWN_NUMBER}:7@s.whatsapp.net`, name: "Sampark" };
      auth.state.creds.registered = true;
      await auth.saveCreds();
    },
    async close() {
      await Promise.all(channels.map((c) => c.stop()));
      await connection.close();
      await embedded.stop();
    },
  };
}

/** Waits until the channel reports `state` (usable in hooks, unlike `expect.poll`). */
export async function untilState(channel: WhatsAppChannel, state: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (channel.status().state !== state) {
    if (Date.now() > deadline) throw new Error(`channel still ${JSON.stringify(channel.status())}, expected ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

let counter = 0;

/** A WAMessage as Baileys emits it for a text from `phone` (digits). */
export function textMessage(phone: string, text: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    key: { remoteJid: `${phone}@s.whatsapp.net`, fromMe: false, id: `3A${String(counter).padStart(30, "0")}`, addressingMode: "pn" },
    messageTimestamp: Math.floor(Date.now() / 1000),
    pushName: "सुनीता",
    message: { conversation: text, messageContextInfo: { deviceListMetadataVersion: 2 } },
    ...extra,
  };
}
