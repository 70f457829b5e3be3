/**
 * The query matcher, compiled once per filter. Our own rather than mingo's so that comparisons
 * follow BSON semantics (Long/Decimal128/Double by value, ObjectId and Date by value, type
 * bracketing); mingo is only used for `$expr`.
 */
import type { Document } from "../contract.js";
import { badValue } from "./errors.js";
import { compileFieldOps, compileEquality, type ValuesTest } from "./match-operators.js";
import { exprPredicate } from "./mingo.js";
import { collectValues } from "./paths.js";
import { isPlainObject } from "./values.js";

export type Predicate = (doc: Document) => boolean;

const ALWAYS: Predicate = () => true;

export function isOperatorObject(v: unknown): v is Document {
  if (!isPlainObject(v)) return false;
  for (const k in v) return k.startsWith("$");
  return false;
}

function compileList(op: string, list: unknown): Predicate[] {
  if (!Array.isArray(list) || list.length === 0) throw badValue(`${op} must be a nonempty array`);
  return list.map((f) => {
    if (!isPlainObject(f)) throw badValue(`$or/$and/$nor entries need to be full objects`);
    return compileFilter(f);
  });
}

function compileTopLevel(op: string, arg: unknown): Predicate | undefined {
  switch (op) {
    case "$and": {
      const ps = compileList(op, arg);
      return (d) => ps.every((p) => p(d));
    }
    case "$or": {
      const ps = compileList(op, arg);
      return (d) => ps.some((p) => p(d));
    }
    case "$nor": {
      const ps = compileList(op, arg);
      return (d) => !ps.some((p) => p(d));
    }
    case "$expr":
      return exprPredicate(arg);
    case "$comment":
      return undefined;
    default:
      throw badValue(`unknown top level operator: ${op}`);
  }
}

/** A predicate over values found at a path: operator object, regex or literal equality. */
export function compileCondition(cond: unknown): ValuesTest {
  return isOperatorObject(cond) ? compileFieldOps(cond, compileFilter) : compileEquality(cond);
}

function compileField(path: string, cond: unknown): Predicate {
  const test = compileCondition(cond);
  if (!path.includes(".")) {
    return (d) => test([d[path]]);
  }
  const parts = path.split(".");
  return (d) => test(collectValues(d, parts));
}

export function compileFilter(filter: Document | undefined | null): Predicate {
  if (filter === undefined || filter === null) return ALWAYS;
  if (!isPlainObject(filter)) throw badValue("filter must be an object");
  const preds: Predicate[] = [];
  for (const key in filter) {
    const p = key.startsWith("$") ? compileTopLevel(key, filter[key]) : compileField(key, filter[key]);
    if (p) preds.push(p);
  }
  if (preds.length === 0) return ALWAYS;
  if (preds.length === 1) return preds[0] as Predicate;
  return (d) => {
    for (const p of preds) if (!p(d)) return false;
    return true;
  };
}
