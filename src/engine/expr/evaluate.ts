/**
 * Evaluation of parsed expressions against variables. Total: never throws; a missing variable is
 * null, a type mismatch yields null or false. Lookups use own properties only.
 */
import { assertNever } from "../assert-never.js";
import type { Json } from "../types.js";
import type { BinaryOp, Expr, FnName } from "./ast.js";

/** Read a dotted path from JSON data, own properties only. */
export function lookup(data: Json, path: readonly string[]): Json {
  let cur: Json = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== "object") return null;
    if (Array.isArray(cur)) {
      if (!/^[0-9]+$/.test(seg)) return null;
      cur = cur[Number(seg)] ?? null;
    } else {
      if (!Object.hasOwn(cur, seg)) return null;
      cur = cur[seg] ?? null;
    }
  }
  return cur;
}

/** JavaScript-free truthiness: null, false, 0, "" and [] are false. */
export function truthy(v: Json): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== false && v !== 0 && v !== "";
}

/** Evaluate `expr` with `vars` as the root scope. */
export function evaluate(expr: Expr, vars: Json): Json {
  switch (expr.type) {
    case "literal":
      return expr.value;
    case "path":
      return lookup(vars, expr.path);
    case "unary": {
      const v = evaluate(expr.arg, vars);
      return expr.op === "not" ? !truthy(v) : typeof v === "number" ? -v : null;
    }
    case "binary":
      return binary(expr.op, expr.left, expr.right, vars);
    case "list":
      return expr.items.map((e) => evaluate(e, vars));
    case "call":
      return callFn(expr.fn, expr.args.map((e) => evaluate(e, vars)));
    default:
      return assertNever(expr);
  }
}

function binary(op: BinaryOp, l: Expr, r: Expr, vars: Json): Json {
  if (op === "and") return truthy(evaluate(l, vars)) ? truthy(evaluate(r, vars)) : false;
  if (op === "or") return truthy(evaluate(l, vars)) ? true : truthy(evaluate(r, vars));
  const a = evaluate(l, vars);
  const b = evaluate(r, vars);
  switch (op) {
    case "==":
      return equal(a, b);
    case "!=":
      return !equal(a, b);
    case "<":
    case "<=":
    case ">":
    case ">=":
      return compare(op, a, b);
    case "in":
      return Array.isArray(b) ? b.some((x) => equal(a, x)) : typeof b === "string" && typeof a === "string" && b.includes(a);
    case "+":
      if (typeof a === "number" && typeof b === "number") return a + b;
      return typeof a === "string" || typeof b === "string" ? `${text(a)}${text(b)}` : null;
    case "-":
    case "*":
    case "/":
    case "%":
      return arithmetic(op, a, b);
    default:
      return assertNever(op);
  }
}

function equal(a: Json, b: Json): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function compare(op: "<" | "<=" | ">" | ">=", a: Json, b: Json): boolean {
  const comparable = (typeof a === "number" && typeof b === "number") || (typeof a === "string" && typeof b === "string");
  if (!comparable) return false;
  if (op === "<") return a < b;
  if (op === "<=") return a <= b;
  return op === ">" ? a > b : a >= b;
}

function arithmetic(op: "-" | "*" | "/" | "%", a: Json, b: Json): Json {
  if (typeof a !== "number" || typeof b !== "number") return null;
  if ((op === "/" || op === "%") && b === 0) return null;
  const v = op === "-" ? a - b : op === "*" ? a * b : op === "/" ? a / b : a % b;
  return Number.isFinite(v) ? v : null;
}

function text(v: Json): string {
  if (v === null) return "";
  return typeof v === "object" ? JSON.stringify(v) : String(v);
}

function callFn(fn: FnName, args: Json[]): Json {
  const [a = null] = args;
  switch (fn) {
    case "len":
      return typeof a === "string" || Array.isArray(a) ? a.length : 0;
    case "lower":
      return typeof a === "string" ? a.toLowerCase() : a;
    case "empty":
      return !truthy(a);
    default:
      return assertNever(fn);
  }
}

/** A value as text for interpolation (null → ""). */
export function stringify(v: Json): string {
  return text(v);
}
