/** Reading typed command arguments, failing the way mongod does on a wrong type. */
import type { Document } from "../contract.js";
import { CommandError, ErrorCode, failedToParse } from "../engine/errors.js";
import { isNumeric, toNumber } from "../engine/numbers.js";
import { isPlainObject } from "../engine/values.js";

function typeMismatch(field: string, expected: string): CommandError {
  return new CommandError(ErrorCode.TypeMismatch, `BSON field '${field}' is the wrong type, expected type '${expected}'`);
}

export function optDoc(cmd: Document, field: string): Document | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!isPlainObject(v)) throw typeMismatch(field, "object");
  return v;
}

export function optNumber(cmd: Document, field: string): number | undefined {
  const v = cmd[field];
  if (v === undefined || v === null) return undefined;
  if (!isNumeric(v)) throw typeMismatch(field, "number");
  return toNumber(v);
}

export function nonNegative(cmd: Document, field: string): number | undefined {
  const n = optNumber(cmd, field);
  if (n !== undefined && n < 0) throw new CommandError(ErrorCode.BadValue, `${field} value must be non-negative, but received: ${n}`);
  return n;
}

export function optBool(cmd: Document, field: string, fallback: boolean): boolean {
  const v = cmd[field];
  if (v === undefined || v === null) return fallback;
  if (typeof v === "boolean") return v;
  if (isNumeric(v)) return toNumber(v) !== 0;
  throw typeMismatch(field, "bool");
}

export function docList(cmd: Document, field: string): Document[] {
  const v = cmd[field];
  if (!Array.isArray(v)) throw failedToParse(`BSON field '${field}' is missing or not an array`);
  for (const d of v) if (!isPlainObject(d)) throw typeMismatch(field, "object");
  return v as Document[];
}

/** The `cursor: { batchSize }` of find-like commands; undefined means the default. */
export function cursorBatchSize(cmd: Document): number | undefined {
  const cursor = optDoc(cmd, "cursor");
  return cursor ? nonNegative(cursor, "batchSize") : undefined;
}

/** Fields every command may carry that are about the session or transport, not the command. */
const GENERIC_FIELDS = new Set([
  "$db", "lsid", "$clusterTime", "txnNumber", "autocommit", "startTransaction", "writeConcern", "readConcern",
  "$readPreference", "apiVersion", "apiStrict", "apiDeprecationErrors", "comment", "maxTimeMS",
]);

/** The command's own options: everything but its name field and the generic fields. */
export function commandOptions(cmd: Document, nameField: string): Document {
  const out: Document = {};
  for (const [k, v] of Object.entries(cmd)) if (k !== nameField && !GENERIC_FIELDS.has(k)) out[k] = v;
  return out;
}
