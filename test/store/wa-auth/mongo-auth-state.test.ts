/** Baileys auth state round-trips through a real (embedded) MongoDB: creds and every v7 key type. */
import { randomBytes } from "node:crypto";
import { proto, type SignalDataSet } from "@whiskeysockets/baileys";
import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedMongo, type EmbeddedMongo } from "../../../src/store/embedded/index.js";
import { useMongoAuthState } from "../../../src/store/wa-auth/mongo-auth-state.js";
import { waAuthModel } from "../../../src/store/wa-auth/wa-auth-model.js";

let embedded: EmbeddedMongo;
let connection: Connection;

beforeAll(async () => {
  embedded = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  connection = await mongoose.createConnection(`${embedded.uri}/wa-auth-test`, { serverSelectionTimeoutMS: 5000 }).asPromise();
});
afterAll(async () => {
  await connection.close();
  await embedded.stop();
});

const bytes = (n: number): Buffer => randomBytes(n);

/** One value of every key type Baileys v7 stores, with the binary fields it really has. */
function everyKeyType(): SignalDataSet {
  return {
    "pre-key": { "1": { public: bytes(32), private: new Uint8Array(bytes(32)) } },
    session: { "919812345678.0": new Uint8Array(bytes(64)) },
    "sender-key": { "120363@g.us::919812345678::0": bytes(48) },
    "sender-key-memory": { "120363@g.us": { "919812345678@s.whatsapp.net": true } },
    "app-state-sync-key": {
      "AAAAAH9k/w==": proto.Message.AppStateSyncKeyData.fromObject({ keyData: bytes(32), timestamp: 1_700_000_000 }),
    },
    "app-state-sync-version": {
      regular_high: { version: 7, hash: bytes(128), indexValueMap: { "aW5kZXg=": { valueMac: bytes(32) } } },
    },
    "lid-mapping": { "919812345678": "123456789012345", "123456789012345_reverse": "919812345678" },
    "device-list": { "919812345678": ["0", "12"] },
    tctoken: { "919812345678@s.whatsapp.net": { token: bytes(20), timestamp: "1700000000" } },
    "identity-key": { "919812345678.0": new Uint8Array(bytes(33)) },
  };
}

describe("useMongoAuthState", () => {
  it("starts with fresh creds and persists them with saveCreds", async () => {
    const first = await useMongoAuthState(connection, "creds-test");
    expect(first.state.creds.registered).toBe(false);
    first.state.creds.me = { id: "919812345678:3@s.whatsapp.net", name: "Sampark" };
    await first.saveCreds();

    const again = await useMongoAuthState(connection, "creds-test");
    expect(again.state.creds.me?.id).toBe("919812345678:3@s.whatsapp.net");
    expect(Buffer.from(again.state.creds.noiseKey.private).equals(Buffer.from(first.state.creds.noiseKey.private))).toBe(true);
    expect(Buffer.isBuffer(again.state.creds.signedIdentityKey.public)).toBe(true);
    expect(again.state.creds.registrationId).toBe(first.state.creds.registrationId);
  });

  it("round-trips every v7 key type, binary fields included, through a fresh instance", async () => {
    const data = everyKeyType();
    const writer = await useMongoAuthState(connection, "keys-test");
    await writer.state.keys.set(data);

    // A new instance has an empty cache, so everything below is read back from MongoDB.
    const reader = await useMongoAuthState(connection, "keys-test");
    for (const [type, values] of Object.entries(data) as [keyof SignalDataSet, Record<string, unknown>][]) {
      const got = await reader.state.keys.get(type, [...Object.keys(values), "missing"]);
      expect(Object.keys(got).sort(), type).toEqual(Object.keys(values).sort());
      for (const [id, value] of Object.entries(values)) expect(normalize(got[id]), `${type}/${id}`).toEqual(normalize(value));
    }
    const syncKey = (await reader.state.keys.get("app-state-sync-key", ["AAAAAH9k/w=="]))["AAAAAH9k/w=="];
    expect(syncKey).toBeInstanceOf(proto.Message.AppStateSyncKeyData);
  });

  it("deletes keys set to null and keeps the others", async () => {
    const state = await useMongoAuthState(connection, "delete-test");
    await state.state.keys.set({ "pre-key": { "1": { public: bytes(32), private: bytes(32) }, "2": { public: bytes(32), private: bytes(32) } } });
    await state.state.keys.set({ "pre-key": { "1": null } });

    const fresh = await useMongoAuthState(connection, "delete-test");
    expect(Object.keys(await fresh.state.keys.get("pre-key", ["1", "2"]))).toEqual(["2"]);
  });

  it("keeps sessions apart and clears only its own", async () => {
    const a = await useMongoAuthState(connection, "session-a");
    const b = await useMongoAuthState(connection, "session-b");
    await a.state.keys.set({ "device-list": { x: ["0"] } });
    await b.state.keys.set({ "device-list": { x: ["1"] } });
    await a.saveCreds();
    await a.clear();

    expect(await waAuthModel(connection).countDocuments({ sessionId: "session-a" })).toBe(0);
    const b2 = await useMongoAuthState(connection, "session-b");
    expect(await b2.state.keys.get("device-list", ["x"])).toEqual({ x: ["1"] });
    expect((await useMongoAuthState(connection, "session-a")).state.creds.me).toBeUndefined();
  });
});

/** Buffers and Uint8Arrays compare by content; protobuf objects by their JSON. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString("hex") };
  if (value instanceof proto.Message.AppStateSyncKeyData) return normalize(proto.Message.AppStateSyncKeyData.toObject(value, { bytes: Buffer }));
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalize(v)]));
  return value;
}
