/**
 * MongoDB's four numeric types in the engine's representation: int32 is an integral JS number in
 * int32 range, double is any other JS number or a `Double` wrapper, plus `Long` and `Decimal128`.
 * All compare by mathematical value; arithmetic widens int < long < double < decimal.
 */
import { Decimal128, Double, Long } from "bson";
import { bsonTag } from "./values.js";

export type NumKind = "int" | "long" | "double" | "decimal";

export function numKind(v: unknown): NumKind | undefined {
  if (typeof v === "number") return Number.isInteger(v) && v >= -2147483648 && v <= 2147483647 ? "int" : "double";
  if (typeof v !== "object" || v === null) return undefined;
  switch (bsonTag(v)) {
    case "Long":
      return "long";
    case "Double":
      return "double";
    case "Decimal128":
      return "decimal";
    case "Int32":
      return "int";
    default:
      return undefined;
  }
}

export function isNumeric(v: unknown): boolean {
  return numKind(v) !== undefined;
}

/** The value as a JS number (lossy for big Long and Decimal128). */
export function toNumber(v: unknown): number {
  if (typeof v === "number") return v;
  if (typeof v === "object" && v !== null) {
    const tag = bsonTag(v);
    if (tag === "Long") return (v as Long).toNumber();
    if (tag === "Double" || tag === "Int32") return (v as Double).value;
    if (tag === "Decimal128") return Number((v as Decimal128).toString());
  }
  return NaN;
}

/** Exact decimal form: value = (neg ? -1 : 1) * coeff * 10^exp, coeff without leading/trailing zeros. */
interface Dec {
  special?: "nan" | "inf";
  neg: boolean;
  coeff: string;
  exp: number;
}

function parseDec(s: string): Dec {
  const neg = s.startsWith("-");
  const body = neg || s.startsWith("+") ? s.slice(1) : s;
  if (/^nan$/i.test(body)) return { special: "nan", neg: false, coeff: "", exp: 0 };
  if (/^inf/i.test(body)) return { special: "inf", neg, coeff: "", exp: 0 };
  const [mant = "0", e = "0"] = body.toLowerCase().split("e");
  const [intPart = "", frac = ""] = mant.split(".");
  let coeff = (intPart + frac).replace(/^0+/, "");
  let exp = Number(e) - frac.length;
  const stripped = coeff.replace(/0+$/, "");
  exp += coeff.length - stripped.length;
  coeff = stripped;
  return coeff === "" ? { neg: false, coeff: "", exp: 0 } : { neg, coeff, exp };
}

function toDec(v: unknown): Dec {
  if (typeof v === "number") {
    if (Number.isNaN(v)) return parseDec("NaN");
    return Number.isFinite(v) ? parseDec(Number.isInteger(v) ? BigInt(v).toString() : String(v)) : parseDec(v > 0 ? "Inf" : "-Inf");
  }
  if (typeof v === "object" && v !== null && bsonTag(v) === "Double") return toDec((v as Double).value);
  return parseDec(String(v));
}

function compareDec(a: Dec, b: Dec): number {
  if (a.special === "nan" || b.special === "nan") return a.special === b.special ? 0 : a.special === "nan" ? -1 : 1;
  const sa = a.special ? (a.neg ? -2 : 2) : a.coeff === "" ? 0 : a.neg ? -1 : 1;
  const sb = b.special ? (b.neg ? -2 : 2) : b.coeff === "" ? 0 : b.neg ? -1 : 1;
  if (sa !== sb || Math.abs(sa) !== 1) return Math.sign(sa - sb);
  const magA = a.coeff.length + a.exp;
  const magB = b.coeff.length + b.exp;
  let cmp = magA !== magB ? Math.sign(magA - magB) : 0;
  if (cmp === 0) {
    const len = Math.max(a.coeff.length, b.coeff.length);
    const ca = a.coeff.padEnd(len, "0");
    const cb = b.coeff.padEnd(len, "0");
    cmp = ca < cb ? -1 : ca > cb ? 1 : 0;
  }
  return a.neg ? -cmp : cmp;
}

/** Compares two numerics by value; NaN sorts below every other number and equals NaN. */
export function compareNumbers(a: unknown, b: unknown): number {
  const ka = numKind(a);
  const kb = numKind(b);
  if ((ka === "int" || ka === "double") && (kb === "int" || kb === "double")) {
    const x = toNumber(a);
    const y = toNumber(b);
    if (x < y) return -1;
    if (x > y) return 1;
    if (x === y) return 0;
    return Number.isNaN(x) ? (Number.isNaN(y) ? 0 : -1) : 1;
  }
  if (ka === "decimal" || kb === "decimal") return compareDec(toDec(a), toDec(b));
  // At least one Long and no Decimal128: compare exactly through BigInt.
  const x = ka === "long" ? (a as Long).toBigInt() : toNumber(a);
  const y = kb === "long" ? (b as Long).toBigInt() : toNumber(b);
  if (typeof x === "number" && !Number.isInteger(x)) return Number.isNaN(x) ? -1 : -compareBigToFloat(y as bigint, x);
  if (typeof y === "number" && !Number.isInteger(y)) return Number.isNaN(y) ? 1 : compareBigToFloat(x as bigint, y);
  const bx = BigInt(x);
  const by = BigInt(y);
  return bx < by ? -1 : bx > by ? 1 : 0;
}

function compareBigToFloat(x: bigint, y: number): number {
  if (y === Infinity) return -1;
  if (y === -Infinity) return 1;
  return x <= BigInt(Math.floor(y)) ? -1 : 1;
}

/** A string equal for numerically equal values, for map keys (5, Long(5), Double(5) agree). */
export function numericKey(v: unknown): string {
  if (typeof v === "number" && Number.isSafeInteger(v)) return String(v);
  if (numKind(v) === "long") return (v as Long).toString();
  const d = toDec(v);
  if (d.special) return d.special === "nan" ? "NaN" : d.neg ? "-Inf" : "Inf";
  if (d.coeff === "") return "0";
  const sign = d.neg ? "-" : "";
  return d.exp >= 0 && d.exp < 20 ? sign + d.coeff + "0".repeat(d.exp) : `${sign}${d.coeff}e${d.exp}`;
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const WIDTH: Record<NumKind, number> = { int: 0, long: 1, double: 2, decimal: 3 };

/** `a + b` or `a * b` with MongoDB's type widening; int32 overflow widens to long. */
export function arith(op: "add" | "mul", a: unknown, b: unknown): unknown {
  const ka = numKind(a);
  const kb = numKind(b);
  if (!ka || !kb) throw new TypeError("non-numeric operand");
  const kind = WIDTH[ka] >= WIDTH[kb] ? ka : kb;
  if (kind === "decimal") {
    const r = op === "add" ? toNumber(a) + toNumber(b) : toNumber(a) * toNumber(b);
    return Decimal128.fromString(String(r));
  }
  if (kind === "double") {
    const x = toNumber(a);
    const y = toNumber(b);
    const r = op === "add" ? x + y : x * y;
    return typeof r === "number" && numKind(r) === "int" ? new Double(r) : r;
  }
  const x = BigInt(ka === "long" ? (a as Long).toBigInt() : toNumber(a));
  const y = BigInt(kb === "long" ? (b as Long).toBigInt() : toNumber(b));
  const r = op === "add" ? x + y : x * y;
  if (kind === "int" && r >= INT32_MIN && r <= INT32_MAX) return Number(r);
  if (r < -(2n ** 63n) || r >= 2n ** 63n) throw new RangeError("integer overflow");
  return Long.fromBigInt(r);
}

/** Zero of the same numeric type (what $mul leaves in a missing field). */
export function zeroLike(v: unknown): unknown {
  switch (numKind(v)) {
    case "long":
      return Long.fromNumber(0);
    case "double":
      return new Double(0);
    case "decimal":
      return Decimal128.fromString("0");
    default:
      return 0;
  }
}
