/** The expression language's syntax tree. */
import { assertNever } from "../assert-never.js";
import type { Json } from "../types.js";

/** Binary operators. */
export type BinaryOp = "==" | "!=" | "<" | "<=" | ">" | ">=" | "+" | "-" | "*" | "/" | "%" | "and" | "or" | "in";

/** Functions an expression may call. */
export const FUNCTIONS = ["len", "lower", "empty"] as const;
/** A function name. */
export type FnName = (typeof FUNCTIONS)[number];

/** A parsed expression. */
export type Expr =
  | { type: "literal"; value: Json }
  | { type: "path"; path: string[] }
  | { type: "unary"; op: "not" | "neg"; arg: Expr }
  | { type: "binary"; op: BinaryOp; left: Expr; right: Expr }
  | { type: "list"; items: Expr[] }
  | { type: "call"; fn: FnName; args: Expr[] };

/** Every variable path an expression reads, dotted (`member.age`). */
export function variablesOf(expr: Expr): string[] {
  switch (expr.type) {
    case "literal":
      return [];
    case "path":
      return [expr.path.join(".")];
    case "unary":
      return variablesOf(expr.arg);
    case "binary":
      return [...variablesOf(expr.left), ...variablesOf(expr.right)];
    case "list":
      return expr.items.flatMap(variablesOf);
    case "call":
      return expr.args.flatMap(variablesOf);
    default:
      return assertNever(expr);
  }
}
