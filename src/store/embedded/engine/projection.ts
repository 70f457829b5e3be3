/**
 * find/findAndModify projections: inclusion or exclusion of (dotted) fields, `$slice`,
 * `$elemMatch` and the positional `a.$`. Aggregation expressions in a projection go to mingo.
 */
import type { Document } from "../contract.js";
import { badValue } from "./errors.js";
import { compileFilter, type Predicate } from "./match.js";
import { forMingo, runPipeline } from "./mingo.js";
import { isNumeric, toNumber } from "./numbers.js";
import { cloneDoc, cloneValue, isPlainObject, normalizeNumbers } from "./values.js";

export type Projector = (doc: Document) => Document;

type Leaf = { kind: "keep" } | { kind: "slice"; skip: number; limit: number | undefined } | { kind: "elemMatch"; pred: Predicate } | { kind: "positional" };
interface Tree {
  [field: string]: Tree | Leaf;
}

function isLeaf(node: Tree | Leaf): node is Leaf {
  return typeof (node as Leaf).kind === "string";
}

function insert(tree: Tree, parts: string[], leaf: Leaf): void {
  const [head, ...rest] = parts as [string, ...string[]];
  if (rest.length === 0) {
    tree[head] = leaf;
    return;
  }
  let sub = tree[head];
  if (!sub || isLeaf(sub)) tree[head] = sub = {};
  insert(sub, rest, leaf);
}

function sliceOf(arg: unknown): Leaf {
  if (Array.isArray(arg)) return { kind: "slice", skip: toNumber(arg[0]), limit: toNumber(arg[1]) };
  return { kind: "slice", skip: 0, limit: toNumber(arg) };
}

function applyLeaf(value: unknown, leaf: Leaf, matchIndex: () => number | undefined): unknown {
  if (!Array.isArray(value) || leaf.kind === "keep") return value;
  if (leaf.kind === "slice") {
    if (leaf.limit === undefined) return value;
    if (leaf.skip === 0) return leaf.limit >= 0 ? value.slice(0, leaf.limit) : value.slice(leaf.limit);
    const start = leaf.skip < 0 ? Math.max(0, value.length + leaf.skip) : leaf.skip;
    return value.slice(start, start + leaf.limit);
  }
  if (leaf.kind === "elemMatch") {
    const hit = value.find((el) => isPlainObject(el) && leaf.pred(el));
    return hit === undefined ? undefined : [hit];
  }
  const i = matchIndex();
  return i === undefined || i >= value.length ? undefined : [value[i]];
}

/** Inclusion: only the tree's fields; exclusion (`include` false): all but the `keep` leaves. */
function project(doc: Document, tree: Tree, include: boolean, matchIndex: () => number | undefined): Document {
  const out: Document = {};
  for (const [k, v] of Object.entries(doc)) {
    const node = tree[k];
    if (!node) {
      if (!include) out[k] = v;
      continue;
    }
    if (isLeaf(node)) {
      if (node.kind === "keep" && !include) continue;
      const value = applyLeaf(v, node, matchIndex);
      if (value !== undefined) out[k] = value;
      continue;
    }
    if (Array.isArray(v)) out[k] = v.filter((el) => !include || isPlainObject(el)).map((el) => (isPlainObject(el) ? project(el, node, include, matchIndex) : el));
    else if (isPlainObject(v)) out[k] = project(v, node, include, matchIndex);
    else if (!include) out[k] = v;
  }
  return out;
}

/**
 * Compiles a projection. `positional(arrayField)` gives the index of the array element the query
 * matched, for `a.$`.
 */
export function compileProjection(spec: unknown, positional: (doc: Document, field: string) => number | undefined, now: Date): Projector {
  if (spec === undefined || spec === null || (isPlainObject(spec) && Object.keys(spec).length === 0)) return cloneDoc;
  if (!isPlainObject(spec)) throw badValue("projection must be an object");
  const tree: Tree = {};
  let include: boolean | undefined;
  let idShown = true;
  let positionalField: string | undefined;
  for (const [path, v] of Object.entries(spec)) {
    if (isPlainObject(v) && "$slice" in v) insert(tree, path.split("."), sliceOf(v.$slice));
    else if (isPlainObject(v) && "$elemMatch" in v) {
      // Unlike $slice, $elemMatch makes the projection an inclusion one.
      insert(tree, path.split("."), { kind: "elemMatch", pred: compileFilter(v.$elemMatch as Document) });
      include ??= true;
    }
    else if (path.endsWith(".$")) {
      positionalField = path.slice(0, -2);
      insert(tree, positionalField.split("."), { kind: "positional" });
      include = true;
    } else if (typeof v === "boolean" || typeof v === "number" || isNumeric(v)) {
      const on = typeof v === "boolean" ? v : toNumber(v) !== 0;
      if (path === "_id") {
        idShown = on;
        continue;
      }
      if (include !== undefined && include !== on) throw badValue(`Cannot do ${on ? "inclusion" : "exclusion"} on field ${path} in ${on ? "exclusion" : "inclusion"} projection`);
      include = on;
      insert(tree, path.split("."), { kind: "keep" });
    } else {
      return mingoProjection(spec, now);
    }
  }
  const inclusive = include ?? false;
  if (!inclusive && !idShown) insert(tree, ["_id"], { kind: "keep" });
  if (inclusive && idShown) tree._id ??= { kind: "keep" };
  return (doc) => {
    const matchIndex = () => (positionalField === undefined ? undefined : positional(doc, positionalField));
    const out = project(doc, tree, inclusive, matchIndex);
    return cloneValue(out);
  };
}

function mingoProjection(spec: Document, now: Date): Projector {
  return (doc) => {
    const [out] = runPipeline(forMingo([doc]), [{ $project: spec }], () => [], now);
    return normalizeNumbers(out ?? {}) as Document;
  };
}
