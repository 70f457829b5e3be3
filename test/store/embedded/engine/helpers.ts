import type { Document, Engine } from "../../../../src/store/embedded/contract.js";
import { createEngine } from "../../../../src/store/embedded/engine/index.js";

export interface Harness {
  engine: Engine;
  /** Runs a command in `test` (or `db`) and returns the reply. */
  run(cmd: Document, db?: string): Document;
  /** `find` and return the first batch. */
  find(coll: string, filter?: Document, extra?: Document): Document[];
}

export function harness(now?: () => Date): Harness {
  const engine = createEngine(now ? { now } : {});
  const run = (cmd: Document, db = "test"): Document => engine.runCommand(db, cmd).reply;
  const find = (coll: string, filter: Document = {}, extra: Document = {}): Document[] => {
    const reply = run({ find: coll, filter, ...extra });
    if (reply.ok !== 1) throw new Error(`find failed: ${String(reply.errmsg)}`);
    return (reply.cursor as { firstBatch: Document[] }).firstBatch;
  };
  return { engine, run, find };
}

export function ids(docs: Document[]): unknown[] {
  return docs.map((d) => d._id);
}
