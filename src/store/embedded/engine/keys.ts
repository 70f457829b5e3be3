/**
 * Canonical strings for BSON values, so equal values (by MongoDB's rules: 1 == Long(1), two
 * ObjectIds with the same bytes) share one key in the `_id` map and in index maps.
 */
import type { Binary, ObjectId, Timestamp } from "bson";
import type { Document } from "../contract.js";
import { numericKey } from "./numbers.js";
import { Rank, bsonTag, typeRank } from "./values.js";

function hex(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("hex");
}

export function keyOf(v: unknown): string {
  if (typeof v === "string") return "s" + v;
  if (typeof v === "number" && Number.isSafeInteger(v)) return "n" + v;
  switch (typeRank(v)) {
    case Rank.Null:
      return "z";
    case Rank.Number:
      return "n" + numericKey(v);
    case Rank.String:
      return "s" + String((v as { value: string }).value);
    case Rank.ObjectId:
      return "o" + (v as ObjectId).toHexString();
    case Rank.Bool:
      return v ? "t" : "f";
    case Rank.Date:
      return "d" + (v as Date).getTime();
    case Rank.Array:
      return "[" + (v as unknown[]).map(keyOf).join(",") + "]";
    case Rank.Object: {
      let out = "{";
      for (const [k, x] of Object.entries(v as Document)) out += JSON.stringify(k) + ":" + keyOf(x) + ",";
      return out + "}";
    }
    case Rank.Binary:
      return v instanceof Uint8Array ? "b0:" + hex(v) : `b${(v as Binary).sub_type}:` + hex((v as Binary).buffer.subarray(0, (v as Binary).position));
    case Rank.Timestamp:
      return `T${(v as Timestamp).t}:${(v as Timestamp).i}`;
    case Rank.Regex:
      return v instanceof RegExp ? `r/${v.source}/${v.flags}` : `r/${(v as { pattern: string }).pattern}/${(v as { options: string }).options}`;
    case Rank.MinKey:
      return "-";
    case Rank.MaxKey:
      return "+";
    default:
      return "c" + String(bsonTag(v as object) === "Code" ? (v as { code: string }).code : v);
  }
}
