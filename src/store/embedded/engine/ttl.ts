/** TTL indexes: documents whose indexed date is at least `expireAfterSeconds` in the past. */
import type { Mutation } from "../contract.js";
import type { Catalog } from "./catalog.js";
import { collectValues } from "./paths.js";

/** The earliest date in the value (a date or an array of dates), else undefined. */
function earliest(values: unknown[]): number | undefined {
  let min: number | undefined;
  for (const v of values) {
    for (const x of Array.isArray(v) ? v : [v]) {
      if (x instanceof Date && (min === undefined || x.getTime() < min)) min = x.getTime();
    }
  }
  return min;
}

export function sweepExpired(catalog: Catalog, now: Date): Mutation[] {
  const mutations: Mutation[] = [];
  for (const db of catalog.databases()) {
    for (const coll of catalog.collections(db)) {
      for (const index of coll.indexes.values()) {
        const field = index.fields[0];
        if (index.ttlSeconds === undefined || !field) continue;
        const cutoff = now.getTime() - index.ttlSeconds * 1000;
        for (const doc of [...coll.docs.values()]) {
          const at = earliest(collectValues(doc, field.parts));
          if (at === undefined || at > cutoff) continue;
          coll.remove(doc);
          mutations.push({ op: "delete", db, coll: coll.name, id: doc._id });
        }
      }
    }
  }
  return mutations;
}
