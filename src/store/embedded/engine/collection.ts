/**
 * One collection: documents by `_id` key in insertion (natural) order, plus secondary indexes.
 * Stored documents are never modified in place: an update stores a new object, so a cursor or
 * mutation holding an old one sees a consistent version.
 */
import type { Document } from "../contract.js";
import { CommandError, ErrorCode } from "./errors.js";
import { type Entry, type Index, duplicateKeyError, sameEntries } from "./indexes.js";
import { keyOf } from "./keys.js";
import { compileFilter, type Predicate } from "./match.js";
import { plan } from "./planner.js";
import { parseSort, sortDocs } from "./sort.js";

export const ID_INDEX_SPEC: Document = { v: 2, key: { _id: 1 }, name: "_id_" };

export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes = new Map<string, Index>();
  /** Each document's insertion number, kept across replacements: ties in index order follow it. */
  private readonly ords = new Map<string, number>();
  private nextOrd = 0;

  constructor(
    readonly db: string,
    readonly name: string,
    readonly options: Document,
  ) {}

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  /** Each index's entries for `doc`, after checking no unique index already holds them. */
  private indexEntries(doc: Document, id: string | undefined): Entry[][] {
    const all: Entry[][] = [];
    for (const index of this.indexes.values()) {
      const entries = index.entries(doc);
      const keyValue = index.conflict(entries, id);
      if (keyValue) throw duplicateKeyError(this.ns, index.name, index.keyPattern, keyValue);
      all.push(entries);
    }
    return all;
  }

  /** Adds a document that has an `_id`; throws E11000 and changes nothing on a conflict. */
  insert(doc: Document): void {
    const id = idKey(doc._id);
    if (this.docs.has(id)) throw duplicateKeyError(this.ns, "_id_", { _id: 1 }, { _id: doc._id });
    const entries = this.indexEntries(doc, undefined);
    const ord = this.nextOrd++;
    this.docs.set(id, doc);
    this.ords.set(id, ord);
    let i = 0;
    for (const index of this.indexes.values()) index.add(id, entries[i++] as Entry[], ord);
  }

  /** Swaps in a new version of a stored document (same `_id`); indexes whose keys kept still are untouched. */
  replace(old: Document, next: Document): void {
    const id = idKey(old._id);
    const nextEntries = this.indexEntries(next, id);
    const ord = this.ords.get(id) as number;
    this.docs.set(id, next);
    let i = 0;
    for (const index of this.indexes.values()) {
      const after = nextEntries[i++] as Entry[];
      const before = index.entries(old);
      if (sameEntries(before, after)) continue;
      index.remove(id, before, ord);
      index.add(id, after, ord);
    }
  }

  remove(doc: Document): void {
    const id = idKey(doc._id);
    const ord = this.ords.get(id) as number;
    for (const index of this.indexes.values()) index.remove(id, index.entries(doc), ord);
    this.docs.delete(id);
    this.ords.delete(id);
  }

  getById(id: unknown): Document | undefined {
    return this.docs.get(idKey(id));
  }

  /** Builds an index over the current documents; E11000 if a unique one finds duplicates. */
  addIndex(index: Index): void {
    for (const [id, doc] of this.docs) {
      const entries = index.entries(doc);
      const keyValue = index.conflict(entries, undefined);
      if (keyValue) throw duplicateKeyError(this.ns, index.name, index.keyPattern, keyValue, "Index build failed: ");
      index.add(id, entries, this.ords.get(id) as number);
    }
    this.indexes.set(index.name, index);
  }

  /**
   * The first `limit` stored documents (not copies) matching `filter`, in `sort` order when given
   * (ties in natural order), else in the order the chosen index or scan yields them.
   */
  find(filter: Document | undefined, pred: Predicate = compileFilter(filter), limit = Infinity, sort?: unknown): Document[] {
    const out: Document[] = [];
    if (limit <= 0) return out;
    const keys = parseSort(sort);
    const chosen = plan(this, filter, keys);
    // Unsorted, or already in sort order: stop at the limit. Otherwise sort every match first.
    const stopEarly = keys.length === 0 || chosen.sorted;
    for (const doc of chosen.docs) {
      if (pred(doc) && out.push(doc) >= limit && stopEarly) break;
    }
    if (stopEarly) return out;
    const sorted = sortDocs(out, sort);
    return limit < sorted.length ? sorted.slice(0, limit) : sorted;
  }
}

export function idKey(id: unknown): string {
  if (Array.isArray(id)) throw new CommandError(ErrorCode.InvalidIdField, "The '_id' value cannot be of type array");
  return keyOf(id);
}
