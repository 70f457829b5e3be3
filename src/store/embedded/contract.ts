/**
 * The seam between the embedded server's two halves:
 * - the **engine** (`engine/`, `commands/`): an in-memory MongoDB that runs one command document and
 *   reports the state changes it made;
 * - the **host** (`wire/`, `journal/`, `server.ts`, `worker.ts`, `index.ts`): TCP, framing, the
 *   worker thread and durability.
 * The host makes a command's mutations durable (journal) before it sends that command's reply.
 * Nothing in `src/store/embedded/` imports from the rest of the app.
 */
import type { DeserializeOptions } from "bson";

export type Document = Record<string, unknown>;

/** A state change, in the form the journal records and replays. `id` is a document's `_id`. */
export type Mutation =
  | { op: "insert"; db: string; coll: string; doc: Document }
  | { op: "replace"; db: string; coll: string; doc: Document }
  | { op: "delete"; db: string; coll: string; id: unknown }
  | { op: "createCollection"; db: string; coll: string; options: Document }
  | { op: "dropCollection"; db: string; coll: string }
  | { op: "dropDatabase"; db: string }
  | { op: "createIndex"; db: string; coll: string; spec: Document }
  | { op: "dropIndex"; db: string; coll: string; name: string };

export interface CommandResult {
  /** The reply body, `{ ok: 1, ... }` or `{ ok: 0, errmsg, code, codeName }`. */
  reply: Document;
  /** What changed, in order; empty for reads. Must be durable before `reply` is sent. */
  mutations: Mutation[];
}

export interface Engine {
  /**
   * Runs one command. `command` is the OP_MSG body with any kind-1 document sequences merged in
   * as arrays under their identifier (e.g. `documents`, `updates`, `deletes`). Never throws for
   * a bad command: errors are replies with `ok: 0`.
   */
  runCommand(db: string, command: Document): CommandResult;
  /** Applies a journaled mutation during replay (no validation, no new mutations). */
  apply(mutation: Mutation): void;
  /** The whole state as mutations (collections, indexes, documents), for a compacted snapshot. */
  snapshot(): Iterable<Mutation>;
  /** Removes documents whose TTL index says they expired at `now`; returns the deletions. */
  sweepExpired(now: Date): Mutation[];
}

/** How the host deserializes incoming BSON so the engine keeps MongoDB's numeric types. */
export type EngineBsonOptions = DeserializeOptions;
