/** The document an upsert inserts: equality fields of the query, then the update applied. */
import { ObjectId } from "bson";
import type { Document } from "../contract.js";
import { CommandError, ErrorCode } from "./errors.js";
import { isOperatorObject } from "./match.js";
import { applyUpdate, isOperatorUpdate, type UpdateOptions, type UpdateSpec } from "./update.js";
import { setAt } from "./update-paths.js";
import { cloneValue, isPlainObject } from "./values.js";

/** Equality conditions (`a: v`, `a: {$eq: v}`, inside `$and`) become fields of the seed. */
function seedFrom(filter: Document, seed: Document): void {
  for (const [key, cond] of Object.entries(filter)) {
    if (key === "$and" && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) seedFrom(sub, seed);
      continue;
    }
    if (key.startsWith("$")) continue;
    let value: unknown;
    if (isOperatorObject(cond)) {
      if (!("$eq" in cond)) continue;
      value = cond.$eq;
    } else {
      value = cond;
    }
    if (value instanceof RegExp) continue;
    try {
      setAt(seed, key.split("."), cloneValue(value));
    } catch {
      throw new CommandError(ErrorCode.NotSingleValueField, `cannot infer query fields to set, path '${key}' is matched twice`);
    }
  }
}

/** `_id` first, as mongod stores it. */
function withIdFirst(doc: Document): Document {
  if (Object.keys(doc)[0] === "_id") return doc;
  const { _id, ...rest } = doc;
  return { _id, ...rest };
}

export function upsertDocument(filter: Document, update: UpdateSpec, opts: UpdateOptions): Document {
  const seed: Document = {};
  // A replacement document ignores the query except for its `_id`.
  if (isOperatorUpdate(update) || Array.isArray(update)) seedFrom(filter, seed);
  else if (filter._id !== undefined && !isOperatorObject(filter._id)) seed._id = cloneValue(filter._id);
  const doc = applyUpdate(seed, update, { ...opts, isInsert: true });
  if (doc._id === undefined) doc._id = new ObjectId();
  return withIdFirst(doc);
}
