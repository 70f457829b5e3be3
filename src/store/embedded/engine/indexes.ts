/**
 * A secondary index: maps from index keys to document ids, for equality lookups and unique
 * checks (the full compound key and the leading field alone), and the keys in index order for
 * sorted walks and prefix ranges while no document gives it several keys.
 */
import type { Document } from "../contract.js";
import { CommandError, ErrorCode } from "./errors.js";
import { formatValue } from "./format.js";
import { keyOf } from "./keys.js";
import { compileFilter, type Predicate } from "./match.js";
import { isNumeric, toNumber } from "./numbers.js";
import { collectValues, leafValues } from "./paths.js";
import { OrderedKeys, type OrderedEntry } from "./ordered-keys.js";
import { isPlainObject } from "./values.js";

interface IndexField {
  path: string;
  parts: string[];
  /** 1 or -1 (0 for a hashed field). */
  dir: number;
}

export interface Entry {
  full: string;
  lead: string;
  values: unknown[];
}

type IdSets = Map<string, Set<string>>;

function addTo(map: IdSets, key: string, id: string): void {
  const set = map.get(key);
  if (set) set.add(id);
  else map.set(key, new Set([id]));
}

function removeFrom(map: IdSets, key: string, id: string): void {
  const set = map.get(key);
  if (set?.delete(id) && set.size === 0) map.delete(key);
}

export function sameEntries(a: Entry[], b: Entry[]): boolean {
  return a.length === b.length && a.every((e, i) => e.full === (b[i] as Entry).full);
}

function product(lists: unknown[][]): unknown[][] {
  return lists.reduce<unknown[][]>((acc, list) => acc.flatMap((prefix) => list.map((v) => [...prefix, v])), [[]]);
}

export class Index {
  readonly name: string;
  readonly fields: IndexField[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly ttlSeconds: number | undefined;
  /** False for text/geo indexes: listed, but not maintained or used. */
  readonly searchable: boolean;
  private readonly partial: Predicate | undefined;
  private readonly full: IdSets = new Map();
  private readonly lead: IdSets;
  /**
   * Undefined for hashed and partial indexes, and from the first document with several keys on
   * (a multikey index): such an index cannot list each document once in sort order.
   */
  private ordered: OrderedKeys | undefined;

  /** `spec` is the createIndexes entry (with `key` and `name`), kept for listIndexes and replay. */
  constructor(readonly spec: Document) {
    const key = spec.key;
    if (!isPlainObject(key) || Object.keys(key).length === 0) throw new CommandError(ErrorCode.CannotCreateIndex, "Index keys cannot be empty.");
    if (typeof spec.name !== "string" || spec.name === "") throw new CommandError(ErrorCode.CannotCreateIndex, "index name must be a non-empty string");
    this.name = spec.name;
    this.fields = Object.entries(key).map(([path, d]) => ({ path, parts: path.split("."), dir: isNumeric(d) ? Math.sign(toNumber(d)) || 1 : 0 }));
    this.searchable = Object.values(key).every((d) => isNumeric(d) || d === "hashed");
    this.unique = spec.unique === true && this.searchable;
    this.sparse = spec.sparse === true;
    this.ttlSeconds = isNumeric(spec.expireAfterSeconds) ? toNumber(spec.expireAfterSeconds) : undefined;
    const pfe = spec.partialFilterExpression;
    if (pfe !== undefined && !isPlainObject(pfe)) throw new CommandError(ErrorCode.CannotCreateIndex, "partialFilterExpression must be an object");
    this.partial = pfe ? compileFilter(pfe) : undefined;
    this.lead = this.fields.length === 1 ? this.full : new Map();
    if (this.searchable && !this.partial && this.fields.every((f) => f.dir !== 0)) this.ordered = new OrderedKeys(this.fields.map((f) => f.dir));
  }

  get keyPattern(): Document {
    return this.spec.key as Document;
  }

  /** True if equality lookups may use it (a partial index lacks the documents outside it). */
  get usableForLookup(): boolean {
    return this.searchable && !this.partial;
  }

  /** The keys `doc` files under, or none if sparse/partial leave it out. */
  entries(doc: Document): Entry[] {
    if (!this.searchable || (this.partial && !this.partial(doc))) return [];
    if (this.sparse && this.fields.every((f) => collectValues(doc, f.parts).every((v) => v === undefined))) return [];
    const lists = this.fields.map((f) => leafValues(doc, f.parts));
    if (lists.every((l) => l.length === 1)) {
      const values = lists.map((l) => l[0]);
      const keys = values.map(keyOf);
      return [{ full: keys.join("\u0000"), lead: keys[0] as string, values }];
    }
    if (lists.filter((l) => l.length > 1).length > 1) {
      throw new CommandError(ErrorCode.CannotIndexParallelArrays, `cannot index parallel arrays [${this.fields.map((f) => f.path).join("] [")}]`);
    }
    const seen = new Set<string>();
    const out: Entry[] = [];
    for (const values of product(lists)) {
      const keys = values.map(keyOf);
      const full = keys.join("\u0000");
      if (seen.has(full)) continue;
      seen.add(full);
      out.push({ full, lead: keys[0] as string, values });
    }
    return out;
  }

  /** Files document `id` (insertion number `ord`) under `entries`. */
  add(id: string, entries: Entry[], ord: number): void {
    for (const e of entries) {
      addTo(this.full, e.full, id);
      if (this.lead !== this.full) addTo(this.lead, e.lead, id);
    }
    if (entries.length > 1) this.ordered = undefined;
    else if (entries[0]) this.ordered?.insert(orderedEntry(entries[0], ord, id));
  }

  remove(id: string, entries: Entry[], ord: number): void {
    for (const e of entries) {
      removeFrom(this.full, e.full, id);
      if (this.lead !== this.full) removeFrom(this.lead, e.lead, id);
    }
    if (entries.length === 1) this.ordered?.delete(orderedEntry(entries[0] as Entry, ord, id));
  }

  /** The keys in index order, or undefined when this index cannot walk them (see `ordered`). */
  get orderedKeys(): OrderedKeys | undefined {
    return this.ordered;
  }

  /** For a unique index: the `keyValue` a document other than `id` already holds under these entries. */
  conflict(entries: Entry[], id: string | undefined): Document | undefined {
    if (!this.unique) return undefined;
    for (const e of entries) {
      const ids = this.full.get(e.full);
      if (ids && (ids.size > 1 || !ids.has(id as string))) {
        return Object.fromEntries(this.fields.map((f, i) => [f.path, e.values[i] ?? null]));
      }
    }
    return undefined;
  }

  /** Ids whose leading field equals the value with key `leadKey`. */
  lookupLead(leadKey: string): ReadonlySet<string> {
    return this.lead.get(leadKey) ?? EMPTY;
  }

  lookupFull(keys: string[]): ReadonlySet<string> {
    return this.full.get(keys.join("\u0000")) ?? EMPTY;
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function orderedEntry(e: Entry, ord: number, id: string): OrderedEntry {
  return { values: e.values.map((v) => (v === undefined ? null : v)), ord, id };
}

export function duplicateKeyError(ns: string, indexName: string, keyPattern: Document, keyValue: Document, prefix = ""): CommandError {
  const shown = Object.entries(keyValue).map(([k, v]) => `${k}: ${formatValue(v)}`).join(", ");
  return new CommandError(ErrorCode.DuplicateKey, `${prefix}E11000 duplicate key error collection: ${ns} index: ${indexName} dup key: { ${shown} }`, {
    keyPattern,
    keyValue,
  });
}
