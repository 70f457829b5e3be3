/**
 * State changes shared by insert/update/delete/findAndModify, each recorded as a mutation.
 * Mutation documents are the stored (never modified) objects themselves: read-only for the host.
 */
import { ObjectId } from "bson";
import type { Document } from "../contract.js";
import type { Collection } from "./collection.js";
import { identical } from "./compare.js";
import { resolver, type Ctx } from "./context.js";
import { CommandError, ErrorCode } from "./errors.js";
import { compileFilter, type Predicate } from "./match.js";
import { positionalIndex } from "./positional.js";
import { applyUpdate, type UpdateOptions, type UpdateSpec } from "./update.js";
import { upsertDocument } from "./upsert.js";
import { cloneDoc, isPlainObject } from "./values.js";

export function checkCollectionName(name: unknown): string {
  if (typeof name !== "string" || name === "" || name.includes("\0") || name.startsWith(".") || name.includes("$")) {
    throw new CommandError(ErrorCode.InvalidNamespace, `Invalid namespace specified '${String(name)}'`);
  }
  return name;
}

/** The collection, created (and recorded) on first write as mongod does. */
export function collectionForWrite(ctx: Ctx, name: unknown): Collection {
  const coll = checkCollectionName(name);
  const existing = ctx.catalog.get(ctx.db, coll);
  if (existing) return existing;
  ctx.mutations.push({ op: "createCollection", db: ctx.db, coll, options: {} });
  return ctx.catalog.create(ctx.db, coll, {});
}

/** A copy of a client document to store, with an `_id` (first) if it had none. */
export function prepareInsert(doc: unknown): Document {
  if (!isPlainObject(doc)) throw new CommandError(ErrorCode.BadValue, "document to insert must be an object");
  if (doc._id === undefined) return { _id: new ObjectId(), ...cloneDoc(doc) };
  if (Array.isArray(doc._id) || doc._id instanceof RegExp) {
    throw new CommandError(ErrorCode.InvalidIdField, `The '_id' value cannot be of type ${Array.isArray(doc._id) ? "array" : "regex"}`);
  }
  return cloneDoc(doc);
}

export function insertDoc(ctx: Ctx, coll: Collection, doc: Document): void {
  coll.insert(doc);
  ctx.mutations.push({ op: "insert", db: ctx.db, coll: coll.name, doc });
}

export function deleteDoc(ctx: Ctx, coll: Collection, doc: Document): void {
  coll.remove(doc);
  ctx.mutations.push({ op: "delete", db: ctx.db, coll: coll.name, id: doc._id });
}

function updateOptions(ctx: Ctx, doc: Document, query: Predicate, arrayFilters: unknown): UpdateOptions {
  return {
    arrayFilters,
    positional: (path) => positionalIndex(doc, path, query),
    isInsert: false,
    now: ctx.now,
    nextTimestampIncrement: ctx.nextTimestampIncrement,
    resolve: resolver(ctx),
  };
}

/** Applies `update` to a stored document; returns the new version (the old one if unchanged). */
export function updateDoc(ctx: Ctx, coll: Collection, doc: Document, update: UpdateSpec, query: Predicate, arrayFilters: unknown): { doc: Document; modified: boolean } {
  const next = applyUpdate(doc, update, updateOptions(ctx, doc, query, arrayFilters));
  if (identical(doc, next)) return { doc, modified: false };
  coll.replace(doc, next);
  ctx.mutations.push({ op: "replace", db: ctx.db, coll: coll.name, doc: next });
  return { doc: next, modified: true };
}

/** Inserts the document an upsert builds from `filter` and `update`. */
export function upsertDoc(ctx: Ctx, coll: Collection, filter: Document, update: UpdateSpec, arrayFilters: unknown): Document {
  const doc = upsertDocument(filter, update, updateOptions(ctx, {}, compileFilter(filter), arrayFilters));
  insertDoc(ctx, coll, doc);
  return doc;
}
