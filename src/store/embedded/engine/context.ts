/** What a command handler works with: the state, the clock and the mutation log of this command. */
import type { Document, Mutation } from "../contract.js";
import type { Catalog } from "./catalog.js";
import type { Cursors } from "./cursors.js";
import { forMingo } from "./mingo.js";

export interface Ctx {
  db: string;
  catalog: Catalog;
  cursors: Cursors;
  now: Date;
  /** Appended to as state changes; the command's `mutations`. */
  mutations: Mutation[];
  /** Orders `$currentDate` timestamps within one second. */
  nextTimestampIncrement: () => number;
  nextConnectionId: () => number;
}

/** Resolves `from` names of $lookup/$unionWith in the command's database, as copies for mingo. */
export function resolver(ctx: Ctx): (name: string) => Document[] {
  return (name) => forMingo(ctx.catalog.get(ctx.db, name)?.docs.values() ?? []);
}
