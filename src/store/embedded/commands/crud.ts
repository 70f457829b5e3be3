/**
 * insert, update and delete: per-statement errors go to `writeErrors` with `ok: 1`; `ordered`
 * (the default) stops at the first one.
 */
import type { Document } from "../contract.js";
import type { Ctx } from "../engine/context.js";
import { asCommandError, badValue, failedToParse } from "../engine/errors.js";
import { compileFilter } from "../engine/match.js";
import type { UpdateSpec } from "../engine/update.js";
import type { Collection } from "../engine/collection.js";
import { checkCollectionName, collectionForWrite, deleteDoc, insertDoc, prepareInsert, updateDoc, upsertDoc } from "../engine/writes.js";
import { cloneValue, isPlainObject } from "../engine/values.js";
import { docList, optBool, optNumber } from "./args.js";

/** Runs each statement, collecting errors; returns the write errors. */
function eachStatement<T>(cmd: Document, statements: T[], run: (s: T) => void): Document[] {
  const ordered = optBool(cmd, "ordered", true);
  const writeErrors: Document[] = [];
  for (let i = 0; i < statements.length; i++) {
    try {
      run(statements[i] as T);
    } catch (err) {
      writeErrors.push(asCommandError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return writeErrors;
}

function withErrors(reply: Document, writeErrors: Document[]): Document {
  return writeErrors.length > 0 ? { ...reply, writeErrors, ok: 1 } : { ...reply, ok: 1 };
}

function insert(ctx: Ctx, cmd: Document): Document {
  const docs = docList(cmd, "documents");
  const coll = collectionForWrite(ctx, cmd.insert);
  let n = 0;
  const writeErrors = eachStatement(cmd, docs, (d) => {
    insertDoc(ctx, coll, prepareInsert(d));
    n++;
  });
  return withErrors({ n }, writeErrors);
}

function update(ctx: Ctx, cmd: Document): Document {
  const statements = docList(cmd, "updates");
  const name = checkCollectionName(cmd.update);
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  let index = 0;
  const writeErrors = eachStatement(cmd, statements, (s) => {
    const i = index++;
    const q = s.q ?? {};
    const u = s.u;
    if (!isPlainObject(q)) throw failedToParse("BSON field 'update.updates.q' is the wrong type");
    if (!isPlainObject(u) && !Array.isArray(u)) throw failedToParse("BSON field 'update.updates.u' is the wrong type");
    const multi = optBool(s, "multi", false);
    if (multi && !Array.isArray(u) && !Object.keys(u).every((k) => k.startsWith("$")) && Object.keys(u).length > 0) {
      throw failedToParse("multi update is not supported for replacement-style update");
    }
    const pred = compileFilter(q);
    const coll = ctx.catalog.get(ctx.db, name);
    const targets = coll?.find(q, pred, multi ? Infinity : 1) ?? [];
    for (const doc of targets) {
      if (updateDoc(ctx, coll as Collection, doc, u as UpdateSpec, pred, s.arrayFilters).modified) nModified++;
      n++;
    }
    if (targets.length === 0 && optBool(s, "upsert", false)) {
      const doc = upsertDoc(ctx, collectionForWrite(ctx, name), q, u as UpdateSpec, s.arrayFilters);
      n++;
      upserted.push({ index: i, _id: cloneValue(doc._id) });
    }
  });
  return withErrors({ n, nModified, ...(upserted.length > 0 ? { upserted } : {}) }, writeErrors);
}

function remove(ctx: Ctx, cmd: Document): Document {
  const statements = docList(cmd, "deletes");
  const coll = ctx.catalog.get(ctx.db, checkCollectionName(cmd.delete));
  let n = 0;
  const writeErrors = eachStatement(cmd, statements, (s) => {
    const q = s.q ?? {};
    if (!isPlainObject(q)) throw failedToParse("BSON field 'delete.deletes.q' is the wrong type");
    const limit = optNumber(s, "limit") ?? 0;
    if (limit !== 0 && limit !== 1) throw badValue(`The limit field in delete objects must be 0 or 1. Got ${limit}`);
    if (!coll) return;
    for (const doc of coll.find(q, compileFilter(q), limit === 1 ? 1 : Infinity)) {
      deleteDoc(ctx, coll, doc);
      n++;
    }
  });
  return withErrors({ n }, writeErrors);
}

export const crudCommands = { insert, update, delete: remove };
