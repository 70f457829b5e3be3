/** Open cursors: the rest of a result, handed out batch by batch through getMore. */
import { Long } from "bson";
import type { Document } from "../contract.js";
import { CommandError, ErrorCode } from "./errors.js";

/** What a cursor yields next; `render` turns a stored document into a reply copy. */
interface OpenCursor {
  ns: string;
  docs: Document[];
  pos: number;
  render: (doc: Document) => Document;
  lastUsed: number;
}

export interface Batch {
  id: Long;
  docs: Document[];
}

export const DEFAULT_BATCH_SIZE = 101;
/** mongod's cursorTimeoutMillis: cursors a client abandoned are dropped after 10 idle minutes. */
const IDLE_TIMEOUT_MS = 10 * 60 * 1000;

export class Cursors {
  private readonly open = new Map<string, OpenCursor>();
  private nextId = 1n;

  private take(c: OpenCursor, n: number): Document[] {
    const end = Math.min(c.docs.length, c.pos + n);
    const out: Document[] = [];
    for (let i = c.pos; i < end; i++) out.push(c.render(c.docs[i] as Document));
    c.pos = end;
    return out;
  }

  /** The first batch; a cursor stays open only if documents remain and `singleBatch` is off. */
  first(ns: string, docs: Document[], render: OpenCursor["render"], batchSize: number, singleBatch: boolean, now: Date): Batch {
    const c: OpenCursor = { ns, docs, pos: 0, render, lastUsed: now.getTime() };
    const batch = this.take(c, batchSize);
    if (singleBatch || c.pos >= docs.length) return { id: Long.ZERO, docs: batch };
    this.dropIdle(c.lastUsed);
    const id = this.nextId++;
    this.open.set(id.toString(), c);
    return { id: Long.fromBigInt(id), docs: batch };
  }

  /** The next batch of cursor `id` on `ns`; id 0 once exhausted (and the cursor is closed). */
  more(id: Long, ns: string, batchSize: number | undefined, now: Date): Batch {
    const key = id.toString();
    const c = this.open.get(key);
    if (!c || c.ns !== ns) throw new CommandError(ErrorCode.CursorNotFound, `cursor id ${key} not found`);
    c.lastUsed = now.getTime();
    const docs = this.take(c, batchSize ?? c.docs.length);
    if (c.pos < c.docs.length) return { id, docs };
    this.open.delete(key);
    return { id: Long.ZERO, docs };
  }

  private dropIdle(now: number): void {
    for (const [key, c] of this.open) if (now - c.lastUsed > IDLE_TIMEOUT_MS) this.open.delete(key);
  }

  /** Closes cursors; returns which ids were open. */
  kill(ids: Long[]): { killed: Long[]; notFound: Long[] } {
    const killed: Long[] = [];
    const notFound: Long[] = [];
    for (const id of ids) (this.open.delete(id.toString()) ? killed : notFound).push(id);
    return { killed, notFound };
  }
}
