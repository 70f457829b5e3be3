/**
 * The engine half of the embedded server: an in-memory MongoDB behind `runCommand`.
 * See ../contract.ts for the seam with the host.
 */
import { dispatch } from "../commands/dispatch.js";
import type { Document, Engine, EngineBsonOptions, Mutation } from "../contract.js";
import { Catalog } from "./catalog.js";
import { Cursors } from "./cursors.js";
import type { Ctx } from "./context.js";
import { sweepExpired } from "./ttl.js";
import { normalizeNumbers } from "./values.js";

/**
 * How the host deserializes request bodies (and journal records). `promoteValues: false` keeps
 * Int32, Double and Long as bson wrappers so the engine can tell them apart; the engine then
 * turns int32s and non-integral doubles into JS numbers (which bson writes back as int32 and
 * double) and keeps only integral doubles as `Double`, plus `Long` and `Decimal128` (see
 * normalizeNumbers). Binary stays `Binary`; regexes become RegExp.
 */
export const ENGINE_BSON_OPTIONS: EngineBsonOptions = {
  promoteValues: false,
  promoteLongs: false,
  promoteBuffers: false,
  bsonRegExp: false,
};

export interface EngineOptions {
  /** The clock for hello's localTime, $currentDate and $$NOW. */
  now?: () => Date;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const now = options.now ?? (() => new Date());
  const catalog = new Catalog();
  const cursors = new Cursors();
  let timestampSecond = 0;
  let timestampIncrement = 0;
  let connectionId = 0;

  function context(db: string, at: Date, mutations: Mutation[]): Ctx {
    return {
      db,
      catalog,
      cursors,
      now: at,
      mutations,
      nextTimestampIncrement: () => {
        const second = Math.floor(at.getTime() / 1000);
        if (second !== timestampSecond) [timestampSecond, timestampIncrement] = [second, 0];
        return ++timestampIncrement;
      },
      nextConnectionId: () => ++connectionId,
    };
  }

  return {
    runCommand(db: string, command: Document) {
      const mutations: Mutation[] = [];
      normalizeNumbers(command);
      const reply = dispatch(context(db, now(), mutations), command);
      return { reply, mutations };
    },
    apply: (mutation) => catalog.apply(mutation),
    snapshot: () => catalog.snapshot(),
    sweepExpired: (at) => sweepExpired(catalog, at),
  };
}
