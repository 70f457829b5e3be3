/** The update operators, each applied to one concrete path of a document copy. */
import { Timestamp } from "bson";
import type { Document } from "../contract.js";
import { compareValues, valuesEqual } from "./compare.js";
import { CommandError, ErrorCode, badValue } from "./errors.js";
import { formatValue, typeLabel } from "./format.js";
import { compileCondition, compileFilter, isOperatorObject } from "./match.js";
import { arith, isNumeric, numKind, toNumber, zeroLike } from "./numbers.js";
import { getPath } from "./paths.js";
import { sortDocs } from "./sort.js";
import { setAt, unsetAt } from "./update-paths.js";
import { cloneValue, isPlainObject } from "./values.js";

export interface OpContext {
  doc: Document;
  isInsert: boolean;
  now: Date;
  /** Orders `$currentDate` timestamps within one second. */
  nextTimestampIncrement: () => number;
}

type Apply = (ctx: OpContext, parts: string[], arg: unknown) => void;

function idText(ctx: OpContext): string {
  return `{_id: ${formatValue(ctx.doc._id)}}`;
}

function arrayAt(ctx: OpContext, parts: string[], op: string): unknown[] | undefined {
  const cur = getPath(ctx.doc, parts);
  if (cur === undefined || Array.isArray(cur)) return cur;
  throw badValue(`The field '${parts.join(".")}' must be an array but is of type ${typeLabel(cur)} in document ${idText(ctx)} (${op})`);
}

function arithmetic(op: "add" | "mul", name: string): Apply {
  return (ctx, parts, arg) => {
    const path = parts.join(".");
    if (!isNumeric(arg)) throw new CommandError(ErrorCode.TypeMismatch, `Cannot ${name === "$inc" ? "increment" : "multiply"} with non-numeric argument: {${path}: ${formatValue(arg)}}`);
    const cur = getPath(ctx.doc, parts);
    if (cur === undefined) return setAt(ctx.doc, parts, op === "add" ? arg : zeroLike(arg));
    if (!isNumeric(cur)) {
      throw new CommandError(ErrorCode.TypeMismatch, `Cannot apply ${name} to a value of non-numeric type. ${idText(ctx)} has the field '${path}' of non-numeric type ${typeLabel(cur)}`);
    }
    try {
      setAt(ctx.doc, parts, arith(op, cur, arg));
    } catch {
      throw badValue(`Failed to apply ${name} operations to current value (${formatValue(cur)}) for document ${idText(ctx)}`);
    }
  };
}

function minMax(sign: 1 | -1): Apply {
  return (ctx, parts, arg) => {
    const cur = getPath(ctx.doc, parts);
    if (cur === undefined || compareValues(arg, cur) * sign > 0) setAt(ctx.doc, parts, cloneValue(arg));
  };
}

function eachOf(arg: unknown): { items: unknown[]; mods: Document } {
  if (isPlainObject(arg) && "$each" in arg) {
    if (!Array.isArray(arg.$each)) throw badValue("The argument to $each must be an array");
    return { items: arg.$each.map(cloneValue), mods: arg };
  }
  return { items: [cloneValue(arg)], mods: {} };
}

const push: Apply = (ctx, parts, arg) => {
  const arr = [...(arrayAt(ctx, parts, "$push") ?? [])];
  const { items, mods } = eachOf(arg);
  let pos = mods.$position === undefined ? arr.length : Math.trunc(toNumber(mods.$position));
  if (pos < 0) pos = Math.max(0, arr.length + pos);
  arr.splice(Math.min(pos, arr.length), 0, ...items);
  let out = arr;
  if (mods.$sort !== undefined) out = sortArray(out, mods.$sort);
  if (mods.$slice !== undefined) {
    const n = Math.trunc(toNumber(mods.$slice));
    out = n >= 0 ? out.slice(0, n) : out.slice(Math.max(0, out.length + n));
  }
  setAt(ctx.doc, parts, out);
};

function sortArray(arr: unknown[], spec: unknown): unknown[] {
  if (isPlainObject(spec)) return sortDocs(arr as Document[], spec);
  const dir = toNumber(spec);
  if (dir !== 1 && dir !== -1) throw badValue("The $sort element value must be either 1 or -1");
  return [...arr].sort((a, b) => compareValues(a, b) * dir);
}

const addToSet: Apply = (ctx, parts, arg) => {
  const arr = [...(arrayAt(ctx, parts, "$addToSet") ?? [])];
  for (const v of eachOf(arg).items) if (!arr.some((x) => valuesEqual(x, v))) arr.push(v);
  setAt(ctx.doc, parts, arr);
};

const pull: Apply = (ctx, parts, arg) => {
  const arr = getPath(ctx.doc, parts);
  if (arr === undefined) return;
  if (!Array.isArray(arr)) throw badValue("Cannot apply $pull to a non-array value");
  let test: (el: unknown) => boolean;
  if (isPlainObject(arg) && !isOperatorObject(arg)) {
    const p = compileFilter(arg);
    test = (el) => isPlainObject(el) && p(el);
  } else {
    const t = compileCondition(arg);
    test = (el) => t([el]);
  }
  setAt(ctx.doc, parts, arr.filter((el) => !test(el)));
};

const pullAll: Apply = (ctx, parts, arg) => {
  if (!Array.isArray(arg)) throw badValue(`$pullAll requires an array argument but was given a ${typeLabel(arg)}`);
  const arr = arrayAt(ctx, parts, "$pullAll");
  if (arr) setAt(ctx.doc, parts, arr.filter((el) => !arg.some((x) => valuesEqual(x, el))));
};

const pop: Apply = (ctx, parts, arg) => {
  const n = toNumber(arg);
  if (n !== 1 && n !== -1) throw new CommandError(ErrorCode.FailedToParse, `$pop expects 1 or -1, found: ${formatValue(arg)}`);
  const arr = getPath(ctx.doc, parts);
  if (arr === undefined) return;
  if (!Array.isArray(arr)) throw badValue(`Path '${parts.join(".")}' contains an element of non-array type '${typeLabel(arr)}'`);
  setAt(ctx.doc, parts, n === 1 ? arr.slice(0, -1) : arr.slice(1));
};

const currentDate: Apply = (ctx, parts, arg) => {
  const type = isPlainObject(arg) ? arg.$type : arg === true ? "date" : undefined;
  if (type === "date") return setAt(ctx.doc, parts, new Date(ctx.now.getTime()));
  if (type === "timestamp") {
    return setAt(ctx.doc, parts, new Timestamp({ t: Math.floor(ctx.now.getTime() / 1000), i: ctx.nextTimestampIncrement() }));
  }
  throw badValue("The '$type' string field is required to be 'date' or 'timestamp'");
};

const bit: Apply = (ctx, parts, arg) => {
  if (!isPlainObject(arg)) throw badValue("$bit should be an object");
  let cur: unknown = getPath(ctx.doc, parts) ?? 0;
  const kind = numKind(cur);
  if (kind !== "int" && kind !== "long") throw badValue(`Cannot apply $bit to a value of non-integral type. ${idText(ctx)} has the field ${parts.join(".")} of non-integer type ${typeLabel(cur)}`);
  for (const [op, v] of Object.entries(arg)) {
    const x = BigInt(toNumber(cur));
    const y = BigInt(toNumber(v));
    const r = op === "and" ? x & y : op === "or" ? x | y : op === "xor" ? x ^ y : undefined;
    if (r === undefined) throw badValue(`The $bit modifier only supports 'and', 'or', and 'xor', not '${op}'`);
    cur = arith("add", numKind(v) === "long" || kind === "long" ? zeroLike(v) : 0, Number(r));
  }
  setAt(ctx.doc, parts, cur);
};

/** `$rename` is handled by the caller (two paths); `$setOnInsert` only applies on upsert inserts. */
export const OPERATORS: Record<string, Apply> = {
  $set: (ctx, parts, arg) => setAt(ctx.doc, parts, cloneValue(arg)),
  $setOnInsert: (ctx, parts, arg) => {
    if (ctx.isInsert) setAt(ctx.doc, parts, cloneValue(arg));
  },
  $unset: (ctx, parts) => unsetAt(ctx.doc, parts),
  $inc: arithmetic("add", "$inc"),
  $mul: arithmetic("mul", "$mul"),
  $min: minMax(-1),
  $max: minMax(1),
  $push: push,
  $addToSet: addToSet,
  $pull: pull,
  $pullAll: pullAll,
  $pop: pop,
  $currentDate: currentDate,
  $bit: bit,
};
