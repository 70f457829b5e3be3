/**
 * Picks the documents a query needs to look at: by `_id`; else along an index in sort order
 * when one can serve the sort (so a limit stops the walk early); else by the index that pins the
 * filter to fewest documents; else all. Callers still run the full filter on each.
 */
import type { Document } from "../contract.js";
import { compareValues } from "./compare.js";
import type { Index } from "./indexes.js";
import { keyOf } from "./keys.js";
import { isOperatorObject } from "./match.js";
import type { OrderedEntry } from "./ordered-keys.js";
import type { SortKey } from "./sort.js";
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

export interface Plan {
  docs: Iterable<Document>;
  /** True when `docs` come in the requested sort order already. */
  sorted: boolean;
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

function smallestLookup(coll: Plannable, eqs: Map<string, unknown[]>): ReadonlySet<string> | undefined {
  let best: ReadonlySet<string> | undefined;
  for (const index of coll.indexes.values()) {
    if (!index.usableForLookup) continue;
    const found = idsFor(index, eqs);
    if (found && (!best || found.size < best.size)) best = found;
  }
  return best;
}

/** The lowest and highest value a filter's range operators admit on `path` (undefined: open). */
function bounds(filter: Document, path: string): { low?: unknown; high?: unknown } {
  const cond = filter[path];
  const out: { low?: unknown; high?: unknown } = {};
  if (!isOperatorObject(cond)) return out;
  for (const [op, v] of Object.entries(cond)) {
    if (!lookupable(v)) continue;
    if ((op === "$gt" || op === "$gte") && (out.low === undefined || compareValues(v, out.low) > 0)) out.low = v;
    if ((op === "$lt" || op === "$lte") && (out.high === undefined || compareValues(v, out.high) < 0)) out.high = v;
  }
  return out;
}

/**
 * Whether walking `index` (its first `pinned` fields fixed by equalities) yields `sort` order:
 * forward, reversed, or not at all. The sort must run to the index's last field so that ties
 * fall to insertion order, as a stable sort leaves them.
 */
function walkDirection(index: Index, pinned: number, sort: SortKey[]): "forward" | "reverse" | undefined {
  const first = sort[0];
  if (!first) return undefined;
  const from = index.fields.findIndex((f) => f.path === first.parts.join("."));
  if (from < 0 || from > pinned || from + sort.length !== index.fields.length) return undefined;
  let sign = 0;
  for (const [i, key] of sort.entries()) {
    const field = index.fields[from + i] as Index["fields"][number];
    if (field.path !== key.parts.join(".")) return undefined;
    if (from + i < pinned) continue;
    const s = key.dir * field.dir;
    if (sign !== 0 && s !== sign) return undefined;
    sign = s;
  }
  return sign < 0 ? "reverse" : "forward";
}

interface Range {
  index: Index;
  start: unknown[];
  end: unknown[];
  size: number;
  direction: "forward" | "reverse" | undefined;
}

/** The key range of `index` the filter confines matches to: equal leading fields, then bounds on the next. */
function rangeOf(index: Index, filter: Document, eqs: Map<string, unknown[]>, sort: SortKey[]): Range | undefined {
  const keys = index.orderedKeys;
  if (!keys) return undefined;
  const prefix: unknown[] = [];
  for (const f of index.fields) {
    const values = eqs.get(f.path);
    if (values?.length !== 1) break;
    prefix.push(values[0]);
  }
  // A sparse index lacks documents without its fields; only an equality guarantees they have them.
  if (index.sparse && prefix.length === 0) return undefined;
  const start = [...prefix];
  const end = [...prefix];
  const next = index.fields[prefix.length];
  if (next) {
    const { low, high } = bounds(filter, next.path);
    const [first, last] = next.dir > 0 ? [low, high] : [high, low];
    if (first !== undefined) start.push(first);
    if (last !== undefined) end.push(last);
  }
  return { index, start, end, size: keys.count(start, end), direction: walkDirection(index, prefix.length, sort) };
}

function* along(coll: Plannable, entries: Iterable<OrderedEntry>): Generator<Document> {
  for (const e of entries) {
    const doc = coll.docs.get(e.id);
    if (doc) yield doc;
  }
}

function docsOf(coll: Plannable, ids: Iterable<string>): Document[] {
  const out: Document[] = [];
  for (const id of ids) {
    const doc = coll.docs.get(id);
    if (doc) out.push(doc);
  }
  return out;
}

function byIds(coll: Plannable, ids: unknown[]): Document[] {
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

/** How to find the candidates for `filter`, given the sort the caller will apply. */
export function plan(coll: Plannable, filter: Document | undefined, sort: SortKey[] = []): Plan {
  const eqs = filter ? equalities(filter) : new Map<string, unknown[]>();
  const ids = eqs.get("_id");
  if (ids) return { docs: byIds(coll, ids), sorted: false };
  const looked = eqs.size > 0 ? smallestLookup(coll, eqs) : undefined;
  const otherwise = looked?.size ?? coll.docs.size;
  let walk: Range | undefined;
  let narrowest: Range | undefined;
  for (const index of coll.indexes.values()) {
    const range = rangeOf(index, filter ?? {}, eqs, sort);
    if (!range) continue;
    if (range.direction && (!walk || range.size < walk.size)) walk = range;
    if (!narrowest || range.size < narrowest.size) narrowest = range;
  }
  // A walk in sort order skips sorting and stops at the limit: worth it unless it visits more.
  if (walk && walk.size <= otherwise) {
    const keys = walk.index.orderedKeys;
    return { docs: along(coll, keys?.walk(walk.start, walk.end, walk.direction === "reverse") ?? []), sorted: true };
  }
  if (narrowest && narrowest.size < otherwise) {
    // In natural order, as a scan would give them.
    const entries = [...(narrowest.index.orderedKeys?.walk(narrowest.start, narrowest.end) ?? [])].sort((a, b) => a.ord - b.ord);
    return { docs: along(coll, entries), sorted: false };
  }
  if (looked) return { docs: docsOf(coll, looked), sorted: false };
  return { docs: coll.docs.values(), sorted: false };
}
