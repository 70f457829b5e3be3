/**
 * Picks the documents a filter needs to look at: by `_id`, else by the index whose leading field
 * the filter pins to fewest documents, else all. Callers still run the full filter on each.
 */
import type { Document } from "../contract.js";
import type { Index } from "./indexes.js";
import { keyOf } from "./keys.js";
import { isOperatorObject } from "./match.js";
import { isPlainObject } from "./values.js";

/** Values that equal themselves under index keys: not null (also matches missing), arrays or regexes. */
function lookupable(v: unknown): boolean {
  return v !== null && v !== undefined && !Array.isArray(v) && !(v instanceof RegExp) && !isOperatorObject(v);
}

/** path -> the values the filter requires it to equal one of. */
function equalities(filter: Document, out = new Map<string, unknown[]>()): Map<string, unknown[]> {
  for (const [path, cond] of Object.entries(filter)) {
    if (path === "$and" && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) equalities(sub, out);
      continue;
    }
    if (path.startsWith("$")) continue;
    let values: unknown[] | undefined;
    if (!isOperatorObject(cond)) values = [cond];
    else if ("$eq" in cond) values = [cond.$eq];
    else if (Array.isArray(cond.$in)) values = cond.$in;
    if (values && values.every(lookupable)) out.set(path, values);
  }
  return out;
}

export interface Plannable {
  readonly docs: ReadonlyMap<string, Document>;
  readonly indexes: ReadonlyMap<string, Index>;
}

function idsFor(index: Index, eqs: Map<string, unknown[]>): ReadonlySet<string> | undefined {
  const first = index.fields[0];
  const leadValues = first && eqs.get(first.path);
  if (!leadValues) return undefined;
  const single = index.fields.map((f) => eqs.get(f.path)).every((v) => v?.length === 1);
  if (single && index.fields.length > 1) return index.lookupFull(index.fields.map((f) => keyOf((eqs.get(f.path) as unknown[])[0])));
  if (leadValues.length === 1) return index.lookupLead(keyOf(leadValues[0]));
  const ids = new Set<string>();
  for (const v of leadValues) for (const id of index.lookupLead(keyOf(v))) ids.add(id);
  return ids;
}

/** The candidate documents for `filter`, in natural order when scanning. */
export function candidates(coll: Plannable, filter: Document | undefined): Iterable<Document> {
  if (!filter) return coll.docs.values();
  const eqs = equalities(filter);
  if (eqs.size === 0) return coll.docs.values();
  const ids = eqs.get("_id");
  if (ids) {
    const out: Document[] = [];
    const seen = new Set<string>();
    for (const v of ids) {
      const k = keyOf(v);
      const doc = coll.docs.get(k);
      if (doc && !seen.has(k)) out.push(doc);
      seen.add(k);
    }
    return out;
  }
  let best: ReadonlySet<string> | undefined;
  for (const index of coll.indexes.values()) {
    if (!index.usableForLookup) continue;
    const found = idsFor(index, eqs);
    if (found && (!best || found.size < best.size)) best = found;
  }
  if (!best) return coll.docs.values();
  const out: Document[] = [];
  for (const id of best) {
    const doc = coll.docs.get(id);
    if (doc) out.push(doc);
  }
  return out;
}
