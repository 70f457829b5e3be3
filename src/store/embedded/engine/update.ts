/** Applying one update (operators, replacement or pipeline) to a document, yielding a new one. */
import type { Document } from "../contract.js";
import { identical, valuesEqual } from "./compare.js";
import { CommandError, ErrorCode, badValue, failedToParse } from "./errors.js";
import { formatValue } from "./format.js";
import { compileFilter, type Predicate } from "./match.js";
import { forMingo, runPipeline } from "./mingo.js";
import { getPath } from "./paths.js";
import { OPERATORS, type OpContext } from "./update-operators.js";
import { expandPath, setAt, unsetAt, type PathContext } from "./update-paths.js";
import { cloneDoc, isPlainObject, normalizeNumbers } from "./values.js";

export interface UpdateOptions {
  arrayFilters?: unknown;
  /** Finds the array index the query matched at an array path, for the positional `$`. */
  positional: (arrayPath: string[]) => number | undefined;
  isInsert: boolean;
  now: Date;
  nextTimestampIncrement: () => number;
  resolve: (name: string) => Document[];
}

export type UpdateSpec = Document | Document[];

export function isOperatorUpdate(update: UpdateSpec): update is Document {
  if (Array.isArray(update)) return false;
  for (const k in update) return k.startsWith("$");
  return false;
}

function compileArrayFilters(spec: unknown): Map<string, Predicate> {
  const out = new Map<string, Predicate>();
  if (spec === undefined || spec === null) return out;
  if (!Array.isArray(spec)) throw failedToParse("arrayFilters must be an array");
  for (const f of spec) {
    if (!isPlainObject(f)) throw failedToParse("arrayFilters entries must be objects");
    const first = Object.keys(f)[0];
    const id = first?.split(".")[0];
    if (!id) throw failedToParse("Cannot use an expression without a top-level field name in arrayFilters");
    if (out.has(id)) throw failedToParse(`Found multiple array filters with the same top-level field name ${id}`);
    out.set(id, compileFilter(f));
  }
  return out;
}

function checkConflicts(paths: string[]): void {
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1] as string;
    const b = sorted[i] as string;
    if (a === b || b.startsWith(a + ".")) {
      throw new CommandError(ErrorCode.ConflictingUpdateOperators, `Updating the path '${b}' would create a conflict at '${a}'`);
    }
  }
}

function positionalFor(doc: Document, path: string, opts: UpdateOptions): number | undefined {
  const at = path.split(".").indexOf("$");
  return at < 0 ? undefined : opts.positional(path.split(".").slice(0, at));
}

function applyOperators(old: Document, update: Document, opts: UpdateOptions): Document {
  const doc = cloneDoc(old);
  const arrayFilters = compileArrayFilters(opts.arrayFilters);
  const ctx: OpContext = { doc, isInsert: opts.isInsert, now: opts.now, nextTimestampIncrement: opts.nextTimestampIncrement };
  const all: string[] = [];
  for (const [op, fields] of Object.entries(update)) {
    if (!isPlainObject(fields)) throw failedToParse(`Modifiers operate on fields but we found type ${typeof fields} instead. For example: {$mod: {<field>: ...}} not {${op}: ${formatValue(fields)}}`);
    if (op !== "$rename" && !OPERATORS[op]) {
      throw failedToParse(`Unknown modifier: ${op}. Expected a valid update modifier or pipeline-style update specified as an array`);
    }
    all.push(...Object.keys(fields));
    if (op === "$rename") all.push(...Object.values(fields).map(String));
  }
  checkConflicts(all);
  for (const [op, fields] of Object.entries(update) as [string, Document][]) {
    for (const [path, arg] of Object.entries(fields)) {
      if (op === "$rename") {
        rename(doc, path, arg);
        continue;
      }
      const pathCtx: PathContext = { positional: positionalFor(old, path, opts), arrayFilters };
      for (const parts of expandPath(doc, path, pathCtx)) (OPERATORS[op] as (c: OpContext, p: string[], a: unknown) => void)(ctx, parts, arg);
    }
  }
  return doc;
}

function rename(doc: Document, from: string, to: unknown): void {
  if (typeof to !== "string" || to === "") throw badValue("The 'to' field for $rename must be a string");
  if (from.includes("$") || to.includes("$")) throw badValue("The source and target field for $rename must not contain positional operators");
  const src = from.split(".");
  const value = getPath(doc, src);
  if (value === undefined) return;
  unsetAt(doc, src);
  setAt(doc, to.split("."), value);
}

function replacement(old: Document, repl: Document): Document {
  for (const k in repl) {
    if (k.startsWith("$")) throw badValue(`The dollar ($) prefixed field '${k}' in '${k}' is not allowed in the context of an update's replacement document.`);
  }
  const next: Document = { _id: old._id };
  for (const [k, v] of Object.entries(cloneDoc(repl))) if (k !== "_id") next[k] = v;
  if (old._id === undefined) delete next._id;
  if ("_id" in repl && old._id !== undefined && !valuesEqual(repl._id, old._id)) {
    throw new CommandError(ErrorCode.ImmutableField, `After applying the update, the (immutable) field '_id' was found to have been altered to _id: ${formatValue(repl._id)}`);
  }
  if ("_id" in repl && old._id === undefined) next._id = repl._id;
  return next;
}

function pipelineUpdate(old: Document, stages: Document[], opts: UpdateOptions): Document {
  const [out] = runPipeline(forMingo([old]), stages, opts.resolve, opts.now);
  if (!out) throw badValue("pipeline update produced no document");
  return normalizeNumbers(out) as Document;
}

/** The updated copy of `old`; `old` itself is never modified. */
export function applyUpdate(old: Document, update: UpdateSpec, opts: UpdateOptions): Document {
  let next: Document;
  if (Array.isArray(update)) next = pipelineUpdate(old, update, opts);
  else if (isOperatorUpdate(update)) next = applyOperators(old, update, opts);
  else return replacement(old, update);
  if (old._id !== undefined && !identical(next._id, old._id)) {
    throw new CommandError(ErrorCode.ImmutableField, "Performing an update on the path '_id' would modify the immutable field '_id'");
  }
  return next;
}
