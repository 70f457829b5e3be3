/**
 * Baileys auth state in MongoDB: the equivalent of `useMultiFileAuthState`, one document per
 * credential blob or signal key in `wa_auth`, so a linked device survives restarts and moves
 * between instances with the database — never files. Every key type Baileys v7 stores goes
 * through the same generic path (pre-keys, sessions, sender keys and their memory, app-state
 * sync keys and versions, `lid-mapping`, `device-list`, `tctoken`, `identity-key`), serialized
 * with `BufferJSON` so Buffers and Uint8Arrays come back as Buffers.
 */
import {
  BufferJSON,
  initAuthCreds,
  makeCacheableSignalKeyStore,
  proto,
  type AuthenticationCreds,
  type AuthenticationState,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from "@whiskeysockets/baileys";
import type { AnyBulkWriteOperation, Connection } from "mongoose";
import type { Logger } from "../../log.js";
import { waAuthModel, type WaAuthDoc } from "./wa-auth-model.js";

export interface MongoAuthState {
  /** Hand to `makeWASocket({ auth: state })`; `keys` is wrapped in Baileys' cache. */
  state: AuthenticationState;
  /** Persists `state.creds`; call on every `creds.update`. */
  saveCreds(): Promise<void>;
  /** Deletes the session's creds and keys (after a logout, so the next start links afresh). */
  clear(): Promise<void>;
}

type KeyType = keyof SignalDataTypeMap;

export async function useMongoAuthState(connection: Connection, sessionId: string, log?: Logger): Promise<MongoAuthState> {
  const model = waAuthModel(connection);
  const credsId = `${sessionId}/creds`;
  const keyPrefix = (type: KeyType): string => `${sessionId}/${type}/`;

  const stored = await model.findById(credsId).lean();
  const creds: AuthenticationCreds = stored ? (parse(stored.value) as AuthenticationCreds) : initAuthCreds();

  const store: SignalKeyStore = {
    async get<T extends KeyType>(type: T, ids: string[]) {
      const prefix = keyPrefix(type);
      const docs = await model.find({ _id: { $in: ids.map((id) => prefix + id) } }).lean();
      const found: Record<string, SignalDataTypeMap[T]> = {};
      for (const doc of docs) found[doc._id.slice(prefix.length)] = revive(type, parse(doc.value)) as SignalDataTypeMap[T];
      return found;
    },
    async set(data: SignalDataSet) {
      const now = new Date();
      const ops: AnyBulkWriteOperation<WaAuthDoc>[] = [];
      for (const type of Object.keys(data) as KeyType[]) {
        for (const [id, value] of Object.entries(data[type] ?? {})) {
          const _id = keyPrefix(type) + id;
          // Baileys deletes a key by setting it to null (a used pre-key, a closed session).
          if (value === null || value === undefined) ops.push({ deleteOne: { filter: { _id } } });
          else ops.push({ updateOne: { filter: { _id }, update: { $set: { sessionId, value: stringify(value), updatedAt: now } }, upsert: true } });
        }
      }
      if (ops.length > 0) await model.bulkWrite(ops, { ordered: false });
    },
    async clear() {
      await model.deleteMany({ sessionId, _id: { $ne: credsId } });
    },
  };

  return {
    state: { creds, keys: makeCacheableSignalKeyStore(store, log) },
    async saveCreds() {
      await model.updateOne({ _id: credsId }, { $set: { sessionId, value: stringify(creds), updatedAt: new Date() } }, { upsert: true });
    },
    async clear() {
      await model.deleteMany({ sessionId });
    },
  };
}

function stringify(value: unknown): string {
  return JSON.stringify(value, BufferJSON.replacer);
}

function parse(text: string): unknown {
  return JSON.parse(text, BufferJSON.reviver) as unknown;
}

/** App-state sync keys are protobuf messages; Baileys expects the message object, not plain JSON. */
function revive(type: KeyType, value: unknown): unknown {
  if (type === "app-state-sync-key" && value) return proto.Message.AppStateSyncKeyData.fromObject(value as Record<string, unknown>);
  return value;
}
