/** createIndexes, listIndexes, dropIndexes. The `_id_` index is implicit and always listed. */
import type { Document } from "../contract.js";
import { ID_INDEX_SPEC, type Collection } from "../engine/collection.js";
import { identical } from "../engine/compare.js";
import type { Ctx } from "../engine/context.js";
import { DEFAULT_BATCH_SIZE } from "../engine/cursors.js";
import { CommandError, ErrorCode, failedToParse } from "../engine/errors.js";
import { formatValue } from "../engine/format.js";
import { Index } from "../engine/indexes.js";
import { checkCollectionName, collectionForWrite } from "../engine/writes.js";
import { cloneDoc, isPlainObject } from "../engine/values.js";
import { cursorBatchSize, docList } from "./args.js";

const OPTION_FIELDS = ["unique", "sparse", "partialFilterExpression", "expireAfterSeconds"];

function optionsOf(spec: Document): Document {
  const out: Document = {};
  for (const f of OPTION_FIELDS) if (spec[f] !== undefined && spec[f] !== false) out[f] = spec[f];
  return out;
}

/** True if an identical index exists already; throws if it would clash with one. */
function alreadyExists(coll: Collection, spec: Document): boolean {
  const key = spec.key as Document;
  const requested = formatValue(spec);
  for (const index of coll.indexes.values()) {
    const sameKey = identical(index.keyPattern, key);
    const sameOptions = identical(optionsOf(index.spec), optionsOf(spec));
    if (index.name === spec.name) {
      if (sameKey && sameOptions) return true;
      if (!sameKey) {
        throw new CommandError(ErrorCode.IndexKeySpecsConflict, `An existing index has the same name as the requested index. Requested index: ${requested}, existing index: ${formatValue(index.spec)}`);
      }
      throw new CommandError(ErrorCode.IndexOptionsConflict, `An equivalent index already exists with the same name but different options. Requested index: ${requested}, existing index: ${formatValue(index.spec)}`);
    }
    if (sameKey) throw new CommandError(ErrorCode.IndexOptionsConflict, `Index already exists with a different name: ${index.name}`);
  }
  return false;
}

function isIdIndex(spec: Document): boolean {
  return identical(spec.key, { _id: 1 }) || spec.name === "_id_";
}

function createIndexes(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.createIndexes);
  const specs = docList(cmd, "indexes");
  if (specs.length === 0) throw failedToParse("Must specify at least one index to create");
  const created = !ctx.catalog.get(ctx.db, name);
  const coll = collectionForWrite(ctx, name);
  const before = coll.indexes.size + 1;
  for (const raw of specs) {
    if (!isPlainObject(raw.key)) throw failedToParse("The 'key' field is a required property of an index specification");
    if (typeof raw.name !== "string") throw failedToParse("The 'name' field is a required property of an index specification");
    if (isIdIndex(raw) || alreadyExists(coll, raw)) continue;
    if (raw.expireAfterSeconds !== undefined && Object.keys(raw.key).length !== 1) {
      throw new CommandError(ErrorCode.CannotCreateIndex, "TTL indexes are single-field indexes, compound indexes do not support TTL");
    }
    const spec = cloneDoc(raw);
    coll.addIndex(new Index(spec));
    ctx.mutations.push({ op: "createIndex", db: ctx.db, coll: name, spec: cloneDoc(spec) });
  }
  const after = coll.indexes.size + 1;
  return {
    numIndexesBefore: before,
    numIndexesAfter: after,
    createdCollectionAutomatically: created,
    ...(after === before ? { note: "all indexes already exist" } : {}),
    ok: 1,
  };
}

function existing(ctx: Ctx, name: string, message: string): Collection {
  const coll = ctx.catalog.get(ctx.db, name);
  if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, message);
  return coll;
}

function listIndexes(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.listIndexes);
  const coll = existing(ctx, name, `ns does not exist: ${ctx.db}.${name}`);
  const specs = [ID_INDEX_SPEC, ...[...coll.indexes.values()].map((i) => ({ v: 2, ...i.spec }))];
  const batch = ctx.cursors.first(coll.ns, specs, cloneDoc, cursorBatchSize(cmd) ?? DEFAULT_BATCH_SIZE, false, ctx.now);
  return { cursor: { id: batch.id, ns: coll.ns, firstBatch: batch.docs }, ok: 1 };
}

/** The names `index` selects: "*", a name, a list of names, or a key pattern. */
function selectIndexes(coll: Collection, index: unknown): string[] {
  if (index === "*") return [...coll.indexes.keys()];
  const names = Array.isArray(index) ? index : [index];
  return names.map((n) => {
    if (isPlainObject(n)) {
      if (identical(n, { _id: 1 })) throw new CommandError(ErrorCode.InvalidOptions, "cannot drop _id index");
      const found = [...coll.indexes.values()].find((i) => identical(i.keyPattern, n));
      if (!found) throw new CommandError(ErrorCode.IndexNotFound, `can't find index with key: ${formatValue(n)}`);
      return found.name;
    }
    if (n === "_id_") throw new CommandError(ErrorCode.InvalidOptions, "cannot drop _id index");
    if (typeof n !== "string" || !coll.indexes.has(n)) throw new CommandError(ErrorCode.IndexNotFound, `index not found with name [${String(n)}]`);
    return n;
  });
}

function dropIndexes(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.dropIndexes ?? cmd.deleteIndexes);
  const coll = existing(ctx, name, "ns not found");
  const was = coll.indexes.size + 1;
  for (const n of selectIndexes(coll, cmd.index)) {
    coll.indexes.delete(n);
    ctx.mutations.push({ op: "dropIndex", db: ctx.db, coll: name, name: n });
  }
  return { nIndexesWas: was, ok: 1 };
}

export const indexCommands = { createIndexes, listIndexes, dropIndexes, deleteIndexes: dropIndexes };
