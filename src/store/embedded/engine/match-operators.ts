/** Field-level query operators ($eq, $gt, $in, $elemMatch, ...) over the values at a path. */
import type { Document } from "../contract.js";
import { compareValues, valuesEqual } from "./compare.js";
import { badValue } from "./errors.js";
import { keyOf } from "./keys.js";
import { isNumeric, toNumber } from "./numbers.js";
import { typeName } from "./type-names.js";
import { Rank, isPlainObject, typeRank } from "./values.js";

/** Tests the values a path yields (see collectValues); true if the condition holds. */
export type ValuesTest = (values: unknown[]) => boolean;
type FilterCompiler = (filter: Document) => (doc: Document) => boolean;

/** True if `test` holds for a value or, for an array value, for one of its elements. */
function anyLeaf(values: unknown[], test: (v: unknown) => boolean): boolean {
  for (const v of values) {
    if (test(v)) return true;
    if (Array.isArray(v)) for (const el of v) if (test(el)) return true;
  }
  return false;
}

function toRegExp(v: unknown, options?: unknown): RegExp {
  if (v instanceof RegExp) return options === undefined ? v : new RegExp(v.source, String(options));
  if (typeof v === "string") return new RegExp(v, typeof options === "string" ? options.replace(/[^imsu]/g, "") : "");
  if (isPlainObject(v) || typeof v !== "object" || v === null) throw badValue("$regex has to be a string");
  const r = v as { pattern?: string; options?: string };
  return new RegExp(r.pattern ?? "", (r.options ?? "").replace(/[^imsu]/g, ""));
}

function regexTest(re: RegExp): (v: unknown) => boolean {
  return (v) => typeof v === "string" && re.test(v);
}

/** Literal equality (`{a: 5}`, `$eq`); a regex literal also matches strings. */
export function compileEquality(x: unknown): ValuesTest {
  if (x === null) return (vs) => anyLeaf(vs, (v) => v === null || v === undefined);
  if (typeof x === "string") return (vs) => anyLeaf(vs, (v) => v === x);
  if (x instanceof RegExp) {
    const t = regexTest(x);
    return (vs) => anyLeaf(vs, (v) => t(v) || valuesEqual(v, x));
  }
  return (vs) => anyLeaf(vs, (v) => valuesEqual(v, x));
}

function compileRange(op: string, x: unknown): ValuesTest {
  const ok = op === "$gt" ? (c: number) => c > 0 : op === "$gte" ? (c: number) => c >= 0 : op === "$lt" ? (c: number) => c < 0 : (c: number) => c <= 0;
  const rank = typeRank(x);
  if (rank === Rank.Null) return op === "$gte" || op === "$lte" ? compileEquality(null) : () => false;
  // MinKey/MaxKey compare across types; everything else only within its own type bracket.
  const bracketed = rank !== Rank.MinKey && rank !== Rank.MaxKey;
  return (vs) => anyLeaf(vs, (v) => v !== undefined && (!bracketed || typeRank(v) === rank) && ok(compareValues(v, x)));
}

function compileIn(arg: unknown): ValuesTest {
  if (!Array.isArray(arg)) throw badValue("$in needs an array");
  const keys = new Set<string>();
  const regexes: RegExp[] = [];
  for (const x of arg) {
    if (isPlainObject(x) && Object.keys(x).some((k) => k.startsWith("$"))) throw badValue("cannot nest $ under $in");
    if (x instanceof RegExp) regexes.push(x);
    keys.add(keyOf(x));
  }
  return (vs) => anyLeaf(vs, (v) => keys.has(keyOf(v)) || (typeof v === "string" && regexes.some((r) => r.test(v))));
}

function compileType(arg: unknown): ValuesTest {
  const wanted = (Array.isArray(arg) ? arg : [arg]).map((t) => (isNumeric(t) ? toNumber(t) : t));
  const matchesType = (v: unknown): boolean => {
    if (v === undefined) return false;
    const [alias, code] = typeName(v);
    return wanted.some((w) => w === alias || w === code || (w === "number" && typeRank(v) === Rank.Number));
  };
  return (vs) => anyLeaf(vs, matchesType);
}

function compileElemMatch(spec: unknown, compileFilter: FilterCompiler): ValuesTest {
  if (!isPlainObject(spec)) throw badValue("$elemMatch needs an Object");
  const keys = Object.keys(spec);
  const onValue = keys.length > 0 && keys.every((k) => k.startsWith("$") && !["$and", "$or", "$nor", "$expr"].includes(k));
  let elemTest: (el: unknown) => boolean;
  if (onValue) {
    const t = compileFieldOps(spec, compileFilter);
    elemTest = (el) => t([el]);
  } else {
    const p = compileFilter(spec);
    elemTest = (el) => isPlainObject(el) && p(el);
  }
  return (vs) => vs.some((v) => Array.isArray(v) && v.some(elemTest));
}

function compileAll(arg: unknown, compileFilter: FilterCompiler): ValuesTest {
  if (!Array.isArray(arg)) throw badValue("$all needs an array");
  if (arg.length === 0) return () => false;
  const tests = arg.map((x) => (isPlainObject(x) && "$elemMatch" in x ? compileElemMatch(x.$elemMatch, compileFilter) : compileEquality(x)));
  return (vs) => tests.every((t) => t(vs));
}

function compileMod(arg: unknown): ValuesTest {
  if (!Array.isArray(arg) || arg.length !== 2 || !arg.every(isNumeric)) throw badValue("malformed mod, needs to be an array of two numbers");
  const div = Math.trunc(toNumber(arg[0]));
  const rem = Math.trunc(toNumber(arg[1]));
  if (div === 0) throw badValue("divisor cannot be 0");
  return (vs) => anyLeaf(vs, (v) => isNumeric(v) && Math.trunc(toNumber(v)) % div === rem);
}

function compileOne(op: string, arg: unknown, ops: Document, compileFilter: FilterCompiler): ValuesTest | undefined {
  switch (op) {
    case "$eq":
      // `$eq: /re/` compares regexes; only the bare `{a: /re/}` form matches strings.
      return arg instanceof RegExp ? (vs) => anyLeaf(vs, (v) => valuesEqual(v, arg)) : compileEquality(arg);
    case "$ne": {
      const t = compileEquality(arg);
      return (vs) => !t(vs);
    }
    case "$gt":
    case "$gte":
    case "$lt":
    case "$lte":
      return compileRange(op, arg);
    case "$in":
      return compileIn(arg);
    case "$nin": {
      const t = compileIn(arg);
      return (vs) => !t(vs);
    }
    case "$exists":
      return arg ? (vs) => vs.some((v) => v !== undefined) : (vs) => vs.every((v) => v === undefined);
    case "$type":
      return compileType(arg);
    case "$regex": {
      const t = regexTest(toRegExp(arg, ops.$options));
      return (vs) => anyLeaf(vs, t);
    }
    case "$options":
      if (!("$regex" in ops)) throw badValue("$options needs a $regex");
      return undefined;
    case "$size": {
      const n = toNumber(arg);
      return (vs) => vs.some((v) => Array.isArray(v) && v.length === n);
    }
    case "$all":
      return compileAll(arg, compileFilter);
    case "$elemMatch":
      return compileElemMatch(arg, compileFilter);
    case "$mod":
      return compileMod(arg);
    case "$not": {
      if (!(arg instanceof RegExp) && !isPlainObject(arg)) throw badValue("$not needs a regex or a document");
      const t = arg instanceof RegExp ? (vs: unknown[]) => anyLeaf(vs, regexTest(arg)) : compileFieldOps(arg, compileFilter);
      return (vs) => !t(vs);
    }
    case "$comment":
      return undefined;
    default:
      throw badValue(`unknown operator: ${op}`);
  }
}

/** Compiles `{ $gt: 1, $lt: 5 }`-style operator objects into one test (all must hold). */
export function compileFieldOps(ops: Document, compileFilter: FilterCompiler): ValuesTest {
  const tests: ValuesTest[] = [];
  for (const op in ops) {
    const t = compileOne(op, ops[op], ops, compileFilter);
    if (t) tests.push(t);
  }
  if (tests.length === 1) return tests[0] as ValuesTest;
  return (vs) => tests.every((t) => t(vs));
}
