/** aggregate: a leading `$match` uses the indexes, the rest of the pipeline runs in mingo. */
import type { Document } from "../contract.js";
import { resolver, type Ctx } from "../engine/context.js";
import { DEFAULT_BATCH_SIZE } from "../engine/cursors.js";
import { CommandError, ErrorCode, failedToParse } from "../engine/errors.js";
import { forMingo, runPipeline } from "../engine/mingo.js";
import { checkCollectionName } from "../engine/writes.js";
import { isPlainObject } from "../engine/values.js";
import { cursorBatchSize, docList, optBool } from "./args.js";

const WRITE_STAGES = new Set(["$out", "$merge"]);

function aggregate(ctx: Ctx, cmd: Document): Document {
  const stages = docList(cmd, "pipeline");
  if (optBool(cmd, "explain", false)) throw new CommandError(ErrorCode.IllegalOperation, "explain is not supported by the embedded server");
  if (!isPlainObject(cmd.cursor)) throw failedToParse("The 'cursor' option is required, except for aggregate with the explain argument");
  for (const stage of stages) {
    const op = Object.keys(stage)[0] ?? "";
    if (WRITE_STAGES.has(op)) throw new CommandError(ErrorCode.IllegalOperation, `${op} is not supported by the embedded server`);
  }
  // `aggregate: 1` runs a collection-less pipeline (e.g. starting with $documents).
  const collectionLess = cmd.aggregate === 1;
  const name = collectionLess ? "$cmd.aggregate" : checkCollectionName(cmd.aggregate);
  const coll = collectionLess ? undefined : ctx.catalog.get(ctx.db, name);
  let rest = stages;
  let input: Document[] = [];
  if (coll) {
    const first = stages[0];
    const leadingMatch = first && isPlainObject(first.$match) ? first.$match : undefined;
    if (leadingMatch) rest = stages.slice(1);
    input = forMingo(leadingMatch ? coll.find(leadingMatch) : coll.docs.values());
  }
  const out = rest.length > 0 ? runPipeline(input, rest, resolver(ctx), ctx.now) : input;
  const ns = `${ctx.db}.${name}`;
  const batch = ctx.cursors.first(ns, out, (d) => d, cursorBatchSize(cmd) ?? DEFAULT_BATCH_SIZE, false, ctx.now);
  return { cursor: { firstBatch: batch.docs, id: batch.id, ns }, ok: 1 };
}

export const aggregateCommands = { aggregate };
