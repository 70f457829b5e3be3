/**
 * findAndModify: update, replace or remove one document and return it (before or after). Unlike
 * the write commands, a duplicate key here fails the whole command (`ok: 0`, code 11000).
 */
import type { Document } from "../contract.js";
import type { Ctx } from "../engine/context.js";
import { failedToParse } from "../engine/errors.js";
import { compileFilter } from "../engine/match.js";
import { positionalIndex } from "../engine/positional.js";
import { compileProjection } from "../engine/projection.js";
import type { UpdateSpec } from "../engine/update.js";
import { checkCollectionName, collectionForWrite, deleteDoc, updateDoc, upsertDoc } from "../engine/writes.js";
import { cloneValue, isPlainObject } from "../engine/values.js";
import { optBool, optDoc } from "./args.js";

function findAndModify(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.findAndModify ?? cmd.findandmodify);
  const filter = optDoc(cmd, "query") ?? {};
  const remove = optBool(cmd, "remove", false);
  const returnNew = optBool(cmd, "new", false);
  const upsert = optBool(cmd, "upsert", false);
  const update = cmd.update;
  if (remove && update !== undefined) throw failedToParse("Cannot specify both an update and remove=true");
  if (!remove && update === undefined) throw failedToParse("Either an update or remove=true must be specified");
  if (remove && (returnNew || upsert)) throw failedToParse("Cannot specify both new=true and remove=true; 'remove' always returns the deleted document");
  if (update !== undefined && !isPlainObject(update) && !Array.isArray(update)) throw failedToParse("Update argument must be either an object or an array");

  const pred = compileFilter(filter);
  const coll = ctx.catalog.get(ctx.db, name);
  const sort = optDoc(cmd, "sort");
  const doc = coll?.find(filter, pred, 1, sort)[0];
  const project = compileProjection(cmd.fields ?? cmd.projection, (d, field) => positionalIndex(d, field.split("."), pred), ctx.now);

  if (remove) {
    if (doc && coll) deleteDoc(ctx, coll, doc);
    return { lastErrorObject: { n: doc ? 1 : 0 }, value: doc ? project(doc) : null, ok: 1 };
  }
  if (doc && coll) {
    const result = updateDoc(ctx, coll, doc, update as UpdateSpec, pred, cmd.arrayFilters);
    return { lastErrorObject: { n: 1, updatedExisting: true }, value: project(returnNew ? result.doc : doc), ok: 1 };
  }
  if (!upsert) return { lastErrorObject: { n: 0, updatedExisting: false }, value: null, ok: 1 };
  const inserted = upsertDoc(ctx, collectionForWrite(ctx, name), filter, update as UpdateSpec, cmd.arrayFilters);
  return {
    lastErrorObject: { n: 1, updatedExisting: false, upserted: cloneValue(inserted._id) },
    value: returnNew ? project(inserted) : null,
    ok: 1,
  };
}

export const findAndModifyCommands = { findAndModify, findandmodify: findAndModify };
