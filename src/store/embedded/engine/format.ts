/** Values rendered the way mongod prints them in error messages (`{ name: "x" }`). */
import type { ObjectId } from "bson";
import { typeName } from "./type-names.js";
import { bsonTag, isPlainObject } from "./values.js";

export function formatValue(v: unknown): string {
  if (v === undefined || v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v !== "object") return String(v);
  if (Array.isArray(v)) return v.length === 0 ? "[]" : `[ ${v.map(formatValue).join(", ")} ]`;
  if (isPlainObject(v)) {
    const fields = Object.entries(v).map(([k, x]) => `${k}: ${formatValue(x)}`);
    return fields.length === 0 ? "{}" : `{ ${fields.join(", ")} }`;
  }
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  switch (bsonTag(v)) {
    case "ObjectId":
      return `ObjectId('${(v as ObjectId).toHexString()}')`;
    case "Double":
    case "Int32":
      return String((v as { value: number }).value);
    default:
      return String(v);
  }
}

/** The BSON type name used in TypeMismatch messages, e.g. "string". */
export function typeLabel(v: unknown): string {
  return v === undefined ? "missing" : typeName(v)[0];
}
