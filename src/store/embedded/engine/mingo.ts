/**
 * mingo, configured for the engine: aggregation and `$expr` come from mingo, but `$match`,
 * `$sort` and the comparison expressions use our BSON-aware matcher and comparator.
 */
import { Aggregator } from "mingo/aggregator";
import { Context, evalExpr } from "mingo/core";
import { Lazy, type Iterator } from "mingo/lazy";
import * as accumulator from "mingo/operators/accumulator";
import * as expression from "mingo/operators/expression";
import * as pipeline from "mingo/operators/pipeline";
import * as projection from "mingo/operators/projection";
import * as query from "mingo/operators/query";
import * as window from "mingo/operators/window";
import { Query } from "mingo/query";
import type { Options } from "mingo/types";
import type { Document } from "../contract.js";
import { compareValues } from "./compare.js";
import { badValue } from "./errors.js";
import { compileFilter } from "./match.js";
import { sortDocs } from "./sort.js";
import { unwrapNumbers } from "./values.js";

type Any = unknown;
type Ops = NonNullable<Parameters<typeof Context.init>[0]>;

/** Missing sorts below null in aggregation expressions. */
function exprCompare(obj: Any, expr: Any, options: Options): number {
  const args = evalExpr(obj, expr, options);
  if (!Array.isArray(args) || args.length !== 2) throw badValue("comparison expressions take exactly 2 arguments");
  const [a, b] = args as [unknown, unknown];
  if ((a === undefined) !== (b === undefined)) return a === undefined ? -1 : 1;
  return compareValues(a, b);
}

const comparisons = {
  $cmp: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts),
  $eq: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) === 0,
  $ne: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) !== 0,
  $gt: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) > 0,
  $gte: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) >= 0,
  $lt: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) < 0,
  $lte: (o: Any, e: Any, opts: Options) => exprCompare(o, e, opts) <= 0,
};

function refuse(name: string) {
  return (): Iterator => {
    throw badValue(`${name} is not supported by the embedded server`);
  };
}

const stages = {
  $match: (coll: Iterator, expr: Any) => {
    const p = compileFilter(expr as Document);
    return coll.filter((d) => p(d as Document));
  },
  $sort: (coll: Iterator, expr: Any) => coll.transform((docs) => Lazy(sortDocs(docs as Document[], expr))),
  $out: refuse("$out"),
  $merge: refuse("$merge"),
};

const CONTEXT = Context.init({
  accumulator,
  // mingo's operator typings are intersections no hand-written operator satisfies.
  expression: { ...expression, ...comparisons } as unknown as Ops["expression"],
  pipeline: { ...pipeline, ...stages } as unknown as Ops["pipeline"],
  projection,
  query,
  window,
});

function options(resolve?: (name: string) => Document[], now?: Date): Partial<Options> {
  return {
    context: CONTEXT,
    scriptEnabled: false,
    ...(resolve ? { collectionResolver: resolve } : {}),
    ...(now ? { variables: { NOW: now } } : {}),
  };
}

/** Runs a pipeline over documents mingo may keep or change (callers pass copies). */
export function runPipeline(docs: Document[], stagesSpec: Document[], resolve: (name: string) => Document[], now: Date): Document[] {
  return new Aggregator(stagesSpec, options(resolve, now)).run(docs) as Document[];
}

export function exprPredicate(expr: unknown): (doc: Document) => boolean {
  const q = new Query({ $expr: expr }, options());
  return (doc) => q.test(unwrapNumbers(doc) as Document);
}

/** Documents as mingo needs them: copies with numbers for Double and Long. */
export function forMingo(docs: Iterable<Document>): Document[] {
  const out: Document[] = [];
  for (const d of docs) out.push(unwrapNumbers(d) as Document);
  return out;
}
