/** MongoDB's total order over BSON values, used for sort, $min/$max, range queries and equality. */
import type { Binary, ObjectId, Timestamp } from "bson";
import type { Document } from "../contract.js";
import { compareNumbers } from "./numbers.js";
import { Rank, bsonTag, typeRank } from "./values.js";

function cmp<T extends string | number | boolean>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function bytesOf(v: unknown): Uint8Array {
  if (v instanceof Uint8Array) return v;
  const b = v as Binary;
  return b.buffer.subarray(0, b.position);
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
}

function subType(v: unknown): number {
  return v instanceof Uint8Array ? 0 : (v as Binary).sub_type;
}

function stringOf(v: unknown): string {
  return typeof v === "string" ? v : String((v as { value?: unknown }).value ?? v);
}

function compareObjects(a: Document, b: Document): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const fa = ka[i] as string;
    const fb = kb[i] as string;
    const va = a[fa];
    const vb = b[fb];
    const c = typeRank(va) - typeRank(vb) || cmp(fa, fb) || compareValues(va, vb);
    if (c !== 0) return Math.sign(c);
  }
  return Math.sign(ka.length - kb.length);
}

function compareArrays(a: unknown[], b: unknown[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareValues(a[i], b[i]);
    if (c !== 0) return c;
  }
  return Math.sign(a.length - b.length);
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (arrays element-wise). */
export function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  const ra = typeRank(a);
  const rb = typeRank(b);
  if (ra !== rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case Rank.Number:
      return compareNumbers(a, b);
    case Rank.String:
    case Rank.Code:
      return cmp(stringOf(a), stringOf(b));
    case Rank.Object:
      return compareObjects(a as Document, b as Document);
    case Rank.Array:
      return compareArrays(a as unknown[], b as unknown[]);
    case Rank.Binary: {
      const x = bytesOf(a);
      const y = bytesOf(b);
      return Math.sign(x.length - y.length) || Math.sign(subType(a) - subType(b)) || Math.sign(compareBytes(x, y));
    }
    case Rank.ObjectId:
      return Math.sign(compareBytes((a as ObjectId).id, (b as ObjectId).id));
    case Rank.Bool:
      return cmp(a as boolean, b as boolean);
    case Rank.Date:
      return cmp((a as Date).getTime(), (b as Date).getTime());
    case Rank.Timestamp:
      return cmp((a as Timestamp).t, (b as Timestamp).t) || cmp((a as Timestamp).i, (b as Timestamp).i);
    case Rank.Regex:
      return compareRegex(a, b);
    default:
      // MinKey, MaxKey and null/undefined each have a single value.
      return 0;
  }
}

function compareRegex(a: unknown, b: unknown): number {
  const pa = regexParts(a);
  const pb = regexParts(b);
  return cmp(pa[0], pb[0]) || cmp(pa[1], pb[1]);
}

function regexParts(v: unknown): [string, string] {
  if (v instanceof RegExp) return [v.source, v.flags];
  const r = v as { pattern: string; options: string };
  return [r.pattern, r.options];
}

export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" && typeof b !== "object") return typeof a === "number" && typeof b === "number" ? Number.isNaN(a) && Number.isNaN(b) : false;
  return compareValues(a, b) === 0;
}

/**
 * Equality that also tells numeric types apart (1 vs Long(1)) and honours field order: decides
 * whether an update really modified a document (`nModified`).
 */
export function identical(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
    return typeof a === "number" && typeof b === "number" && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => identical(x, b[i]));
  if (Array.isArray(b)) return false;
  if (bsonTag(a) !== bsonTag(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (bsonTag(a) !== undefined || a instanceof Date || a instanceof RegExp || a instanceof Uint8Array) {
    return compareValues(a, b) === 0;
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  for (let i = 0; i < ka.length; i++) {
    const k = ka[i] as string;
    if (k !== kb[i] || !identical((a as Document)[k], (b as Document)[k])) return false;
  }
  return true;
}
