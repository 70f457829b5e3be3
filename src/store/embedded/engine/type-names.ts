/** BSON type aliases and numbers as `$type` uses them. */
import { numKind } from "./numbers.js";
import { Rank, bsonTag, typeRank } from "./values.js";

const NUMERIC: Record<string, [string, number]> = {
  int: ["int", 16],
  long: ["long", 18],
  double: ["double", 1],
  decimal: ["decimal", 19],
};

const BY_RANK: Record<number, [string, number]> = {
  [Rank.MinKey]: ["minKey", -1],
  [Rank.String]: ["string", 2],
  [Rank.Object]: ["object", 3],
  [Rank.Array]: ["array", 4],
  [Rank.Binary]: ["binData", 5],
  [Rank.ObjectId]: ["objectId", 7],
  [Rank.Bool]: ["bool", 8],
  [Rank.Date]: ["date", 9],
  [Rank.Timestamp]: ["timestamp", 17],
  [Rank.Regex]: ["regex", 11],
  [Rank.Code]: ["javascript", 13],
  [Rank.MaxKey]: ["maxKey", 127],
};

/** `[alias, number]` of a present value's BSON type. */
export function typeName(v: unknown): [string, number] {
  if (v === null || v === undefined) return ["null", 10];
  const kind = numKind(v);
  if (kind) return NUMERIC[kind] as [string, number];
  if (typeof v === "object" && bsonTag(v) === "BSONSymbol") return ["symbol", 14];
  return BY_RANK[typeRank(v)] ?? ["object", 3];
}
