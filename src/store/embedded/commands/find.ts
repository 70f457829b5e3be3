/** Reads: find, getMore, killCursors, count, distinct. */
import { Long } from "bson";
import type { Document } from "../contract.js";
import { compareValues } from "../engine/compare.js";
import type { Ctx } from "../engine/context.js";
import { DEFAULT_BATCH_SIZE } from "../engine/cursors.js";
import { CommandError, ErrorCode, badValue, failedToParse } from "../engine/errors.js";
import { keyOf } from "../engine/keys.js";
import { compileFilter } from "../engine/match.js";
import { isNumeric, numKind, toNumber } from "../engine/numbers.js";
import { leafValues } from "../engine/paths.js";
import { positionalIndex } from "../engine/positional.js";
import { compileProjection } from "../engine/projection.js";
import { checkCollectionName } from "../engine/writes.js";
import { cloneValue } from "../engine/values.js";
import { nonNegative, optBool, optDoc, optNumber } from "./args.js";

/** Matching stored documents after sort, skip and limit (0 = no limit). */
function query(ctx: Ctx, name: string, filter: Document | undefined, sort: unknown, skip: number, limit: number, pred = compileFilter(filter)): Document[] {
  const coll = ctx.catalog.get(ctx.db, name);
  if (!coll) return [];
  const docs = coll.find(filter, pred, limit > 0 ? skip + limit : Infinity, sort);
  return skip > 0 ? docs.slice(skip) : docs;
}

function find(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.find);
  const filter = optDoc(cmd, "filter");
  const rawLimit = optNumber(cmd, "limit") ?? 0;
  const skip = nonNegative(cmd, "skip") ?? 0;
  const pred = compileFilter(filter);
  const docs = query(ctx, name, filter, cmd.sort, skip, Math.abs(rawLimit), pred);
  const render = compileProjection(cmd.projection, (doc, field) => positionalIndex(doc, field.split("."), pred), ctx.now);
  const batchSize = nonNegative(cmd, "batchSize") ?? DEFAULT_BATCH_SIZE;
  // A negative limit is the legacy "one batch of at most |limit|".
  const singleBatch = optBool(cmd, "singleBatch", false) || rawLimit < 0;
  const ns = `${ctx.db}.${name}`;
  const batch = ctx.cursors.first(ns, docs, render, singleBatch ? Math.max(batchSize, docs.length) : batchSize, singleBatch, ctx.now);
  return { cursor: { firstBatch: batch.docs, id: batch.id, ns }, ok: 1 };
}

function cursorId(v: unknown): Long {
  if (numKind(v) === "long") return v as Long;
  if (isNumeric(v)) return Long.fromNumber(toNumber(v));
  throw new CommandError(ErrorCode.TypeMismatch, "cursor id must be a long");
}

function getMore(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.collection);
  const ns = `${ctx.db}.${name}`;
  const batch = ctx.cursors.more(cursorId(cmd.getMore), ns, nonNegative(cmd, "batchSize") || undefined, ctx.now);
  return { cursor: { nextBatch: batch.docs, id: batch.id, ns }, ok: 1 };
}

function killCursors(ctx: Ctx, cmd: Document): Document {
  checkCollectionName(cmd.killCursors);
  if (!Array.isArray(cmd.cursors)) throw failedToParse("BSON field 'killCursors.cursors' is missing but a required field");
  const { killed, notFound } = ctx.cursors.kill(cmd.cursors.map(cursorId));
  return { cursorsKilled: killed, cursorsNotFound: notFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
}

function count(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.count);
  const limit = Math.abs(optNumber(cmd, "limit") ?? 0);
  const n = query(ctx, name, optDoc(cmd, "query"), undefined, nonNegative(cmd, "skip") ?? 0, limit).length;
  return { n, ok: 1 };
}

function distinct(ctx: Ctx, cmd: Document): Document {
  const name = checkCollectionName(cmd.distinct);
  if (typeof cmd.key !== "string") throw badValue("distinct key must be a string");
  const parts = cmd.key.split(".");
  const seen = new Map<string, unknown>();
  for (const doc of query(ctx, name, optDoc(cmd, "query"), undefined, 0, 0)) {
    for (const v of leafValues(doc, parts)) {
      if (v === undefined) continue;
      const k = keyOf(v);
      if (!seen.has(k)) seen.set(k, v);
    }
  }
  const values = [...seen.values()].sort(compareValues).map(cloneValue);
  return { values, ok: 1 };
}

export const findCommands = { find, getMore, killCursors, count, distinct };
