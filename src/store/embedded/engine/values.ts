/** Classifying, copying and normalising BSON values as `bson` deserializes them. */
import { Binary, Double, type Long } from "bson";
import type { Document } from "../contract.js";

/** The `_bsontype` tag of a bson class instance (works across bson copies), else undefined. */
export function bsonTag(v: object): string | undefined {
  return (v as { _bsontype?: string })._bsontype;
}

export function isPlainObject(v: unknown): v is Document {
  if (typeof v !== "object" || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

/** MongoDB's cross-type order: MinKey < null < numbers < string < object < array < binData <
 *  ObjectId < bool < date < timestamp < regex < code < MaxKey. */
export const Rank = {
  MinKey: 1,
  Null: 2,
  Number: 3,
  String: 4,
  Object: 5,
  Array: 6,
  Binary: 7,
  ObjectId: 8,
  Bool: 9,
  Date: 10,
  Timestamp: 11,
  Regex: 12,
  Code: 13,
  MaxKey: 14,
} as const;

const TAG_RANK: Record<string, number> = {
  MinKey: Rank.MinKey,
  MaxKey: Rank.MaxKey,
  Long: Rank.Number,
  Double: Rank.Number,
  Int32: Rank.Number,
  Decimal128: Rank.Number,
  BSONSymbol: Rank.String,
  DBRef: Rank.Object,
  Binary: Rank.Binary,
  ObjectId: Rank.ObjectId,
  Timestamp: Rank.Timestamp,
  BSONRegExp: Rank.Regex,
  Code: Rank.Code,
};

export function typeRank(v: unknown): number {
  switch (typeof v) {
    case "number":
      return Rank.Number;
    case "string":
      return Rank.String;
    case "boolean":
      return Rank.Bool;
    case "undefined":
      return Rank.Null;
    case "object":
      break;
    default:
      return Rank.Code;
  }
  if (v === null) return Rank.Null;
  if (Array.isArray(v)) return Rank.Array;
  if (v instanceof Date) return Rank.Date;
  if (v instanceof RegExp) return Rank.Regex;
  if (v instanceof Uint8Array) return Rank.Binary;
  const tag = bsonTag(v);
  return tag === undefined ? Rank.Object : (TAG_RANK[tag] ?? Rank.Object);
}

/**
 * Deep copy that keeps bson classes. Immutable bson values (ObjectId, Long, Decimal128, ...)
 * are shared; the mutable ones (objects, arrays, Date, Binary bytes) are copied.
 */
export function cloneValue<T>(v: T): T {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneValue(v[i] as unknown);
    return out as T;
  }
  if (isPlainObject(v)) return cloneDoc(v) as T;
  if (v instanceof Date) return new Date(v.getTime()) as T;
  if (v instanceof Uint8Array) return Uint8Array.prototype.slice.call(v) as T;
  if (bsonTag(v) === "Binary") {
    const b = v as unknown as Binary;
    return new Binary(b.buffer.slice(0, b.position), b.sub_type) as T;
  }
  return v;
}

export function cloneDoc(doc: Document): Document {
  const out: Document = {};
  for (const k in doc) out[k] = cloneValue(doc[k]);
  return out;
}

/**
 * The engine's numeric representation (see ENGINE_BSON_OPTIONS): bson hands us Int32 and Double
 * wrappers; an int32 becomes a JS number (bson writes integral numbers back as int32) and so does
 * a double unless it is integral and in int32 range, where only the `Double` wrapper keeps it a
 * double on the way out. Long and Decimal128 stay as they are. Works in place.
 */
export function normalizeNumbers(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) v[i] = normalizeNumbers(v[i]);
    return v;
  }
  if (isPlainObject(v)) {
    for (const k in v) {
      const x = v[k];
      if (typeof x === "object" && x !== null) v[k] = normalizeNumbers(x);
    }
    return v;
  }
  const tag = bsonTag(v);
  if (tag === "Int32") return (v as { value: number }).value;
  if (tag === "Double") return numberAsDouble((v as Double).value);
  return v;
}

/** A double result: a plain number unless bson would write it back as an int32. */
export function numberAsDouble(n: number): number | Double {
  return Number.isInteger(n) && n >= -2147483648 && n <= 2147483647 ? new Double(n) : n;
}

/**
 * A copy for mingo, whose arithmetic only knows JS numbers: Double wrappers and Longs within
 * 2^53 become numbers (so aggregation results lose the long/double distinction for them).
 */
export function unwrapNumbers(v: unknown): unknown {
  if (typeof v !== "object" || v === null) return v;
  if (Array.isArray(v)) return v.map(unwrapNumbers);
  if (isPlainObject(v)) {
    const out: Document = {};
    for (const k in v) out[k] = unwrapNumbers(v[k]);
    return out;
  }
  const tag = bsonTag(v);
  if (tag === "Double") return (v as Double).value;
  if (tag === "Long") {
    const n = (v as Long).toNumber();
    return Number.isSafeInteger(n) ? n : v;
  }
  return cloneValue(v);
}
