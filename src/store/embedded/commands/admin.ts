/** Databases and collections: listDatabases, listCollections, create, drop, dropDatabase. */
import type { Document } from "../contract.js";
import { ID_INDEX_SPEC } from "../engine/collection.js";
import type { Ctx } from "../engine/context.js";
import { DEFAULT_BATCH_SIZE } from "../engine/cursors.js";
import { CommandError, ErrorCode } from "../engine/errors.js";
import { compileFilter } from "../engine/match.js";
import { checkCollectionName } from "../engine/writes.js";
import { cloneDoc } from "../engine/values.js";
import { commandOptions, cursorBatchSize, optBool, optDoc } from "./args.js";

function listDatabases(ctx: Ctx, cmd: Document): Document {
  const nameOnly = optBool(cmd, "nameOnly", false);
  const pred = compileFilter(optDoc(cmd, "filter"));
  // Sizes are not tracked: the data lives in memory and in the host's journal.
  const databases = ctx.catalog
    .databases()
    .map((name) => (nameOnly ? { name } : { name, sizeOnDisk: 0, empty: false }))
    .filter((d) => pred(d));
  return nameOnly ? { databases, ok: 1 } : { databases, totalSize: 0, totalSizeMb: 0, ok: 1 };
}

function listCollections(ctx: Ctx, cmd: Document): Document {
  const nameOnly = optBool(cmd, "nameOnly", false);
  const pred = compileFilter(optDoc(cmd, "filter"));
  const entries = ctx.catalog
    .collections(ctx.db)
    .map((c) => ({ name: c.name, type: "collection", options: c.options, info: { readOnly: false }, idIndex: ID_INDEX_SPEC }))
    .filter((e) => pred(e))
    .map((e) => (nameOnly ? { name: e.name, type: e.type } : e));
  const ns = `${ctx.db}.$cmd.listCollections`;
  const batch = ctx.cursors.first(ns, entries, cloneDoc, cursorBatchSize(cmd) ?? DEFAULT_BATCH_SIZE, false, ctx.now);
  return { cursor: { id: batch.id, ns, firstBatch: batch.docs }, ok: 1 };
}

function create(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.create);
  if (ctx.catalog.get(ctx.db, name)) {
    throw new CommandError(ErrorCode.NamespaceExists, `Collection ${ctx.db}.${name} already exists.`);
  }
  const options = cloneDoc(commandOptions(cmd, "create"));
  ctx.catalog.create(ctx.db, name, options);
  ctx.mutations.push({ op: "createCollection", db: ctx.db, coll: name, options: cloneDoc(options) });
  return { ok: 1 };
}

function drop(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.drop);
  const coll = ctx.catalog.get(ctx.db, name);
  if (!coll) throw new CommandError(ErrorCode.NamespaceNotFound, "ns not found");
  ctx.catalog.drop(ctx.db, name);
  ctx.mutations.push({ op: "dropCollection", db: ctx.db, coll: name });
  return { nIndexesWas: coll.indexes.size + 1, ns: coll.ns, ok: 1 };
}

function dropDatabase(ctx: Ctx): Document {
  if (ctx.catalog.dropDatabase(ctx.db)) ctx.mutations.push({ op: "dropDatabase", db: ctx.db });
  return { dropped: ctx.db, ok: 1 };
}

export const adminCommands = { listDatabases, listCollections, create, drop, dropDatabase };
