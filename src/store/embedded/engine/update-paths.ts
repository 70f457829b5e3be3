/** Paths for update operators: positional `$`, `$[]`, `$[<id>]` expansion and in-place writes. */
import type { Document } from "../contract.js";
import { CommandError, ErrorCode, badValue } from "./errors.js";
import { formatValue } from "./format.js";
import type { Predicate } from "./match.js";
import { isIndexKey } from "./paths.js";
import { isPlainObject } from "./values.js";

export interface PathContext {
  /** Array index the query matched, for `$`; undefined when the query matched no array. */
  positional?: number;
  /** `arrayFilters` by identifier; each tests `{ <id>: element }`. */
  arrayFilters: Map<string, Predicate>;
}

function child(node: unknown, p: string): unknown {
  if (Array.isArray(node)) return isIndexKey(p) ? node[Number(p)] : undefined;
  return isPlainObject(node) ? node[p] : undefined;
}

function requireArray(node: unknown, parts: readonly string[], i: number): unknown[] {
  if (Array.isArray(node)) return node;
  throw badValue(`The path '${parts.slice(0, i).join(".")}' must exist in the document in order to apply array updates.`);
}

function expand(node: unknown, parts: readonly string[], i: number, prefix: string[], ctx: PathContext, out: string[][]): void {
  if (i === parts.length) {
    out.push(prefix);
    return;
  }
  const p = parts[i] as string;
  if (p === "$") {
    if (ctx.positional === undefined) throw badValue("The positional operator did not find the match needed from the query.");
    const idx = String(ctx.positional);
    expand(child(node, idx), parts, i + 1, [...prefix, idx], ctx, out);
  } else if (p === "$[]") {
    const arr = requireArray(node, parts, i);
    for (let k = 0; k < arr.length; k++) expand(arr[k], parts, i + 1, [...prefix, String(k)], ctx, out);
  } else if (p.startsWith("$[") && p.endsWith("]")) {
    const id = p.slice(2, -1);
    const pred = ctx.arrayFilters.get(id);
    if (!pred) throw badValue(`No array filter found for identifier '${id}' in path '${parts.join(".")}'`);
    const arr = requireArray(node, parts, i);
    for (let k = 0; k < arr.length; k++) {
      if (pred({ [id]: arr[k] })) expand(arr[k], parts, i + 1, [...prefix, String(k)], ctx, out);
    }
  } else {
    expand(child(node, p), parts, i + 1, [...prefix, p], ctx, out);
  }
}

/** The concrete paths an update path names in `doc` (one unless it has positional parts). */
export function expandPath(doc: Document, path: string, ctx: PathContext): string[][] {
  const parts = path.split(".");
  if (parts.some((p) => p === "")) {
    throw new CommandError(ErrorCode.EmptyFieldName, `The update path '${path}' contains an empty field name, which is not allowed.`);
  }
  if (!path.includes("$")) return [parts];
  const out: string[][] = [];
  expand(doc, parts, 0, [], ctx, out);
  return out;
}

function notViable(p: string, container: unknown): CommandError {
  return new CommandError(ErrorCode.PathNotViable, `Cannot create field '${p}' in element ${formatValue(container)}`);
}

/** The container that holds the last part, created along the way when `create` is set. */
function parentOf(doc: Document, parts: readonly string[], create: boolean): Document | unknown[] | undefined {
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i] as string;
    let next = child(cur, p);
    if (next === undefined) {
      if (!create) return undefined;
      if (Array.isArray(cur) && !isIndexKey(p)) throw notViable(p, { [parts[i - 1] ?? ""]: cur });
      next = {};
      setChild(cur as Document | unknown[], p, next);
    } else if (typeof next !== "object" || next === null || !(Array.isArray(next) || isPlainObject(next))) {
      if (!create) return undefined;
      throw notViable(parts[i + 1] as string, { [p]: next });
    }
    cur = next;
  }
  return cur as Document | unknown[];
}

function setChild(container: Document | unknown[], p: string, value: unknown): void {
  if (Array.isArray(container)) {
    const idx = Number(p);
    while (container.length < idx) container.push(null);
    container[idx] = value;
  } else {
    container[p] = value;
  }
}

export function setAt(doc: Document, parts: readonly string[], value: unknown): void {
  const parent = parentOf(doc, parts, true) as Document | unknown[];
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(parent) && !isIndexKey(last)) throw notViable(last, parent);
  setChild(parent, last, value);
}

/** Removes a field; an array element becomes null, as in MongoDB. */
export function unsetAt(doc: Document, parts: readonly string[]): void {
  const parent = parentOf(doc, parts, false);
  const last = parts[parts.length - 1] as string;
  if (Array.isArray(parent)) {
    if (isIndexKey(last) && Number(last) < parent.length) parent[Number(last)] = null;
  } else if (parent !== undefined && last in parent) {
    delete parent[last];
  }
}
