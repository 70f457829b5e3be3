/**
 * Recursive-descent parser of the expression language:
 *   or → and → not → compare → additive → multiplicative → unary → primary
 * Paths (`member.age`) are data lookups only; prototype names are refused at parse time.
 */
import { FORBIDDEN_NAMES } from "../schema/common.js";
import { FUNCTIONS, type BinaryOp, type Expr, type FnName } from "./ast.js";
import { tokenize, type Token } from "./lexer.js";

/** Result of parsing: an expression, or a message for people. */
export type ParseResult = { ok: true; expr: Expr } | { ok: false; error: string };

const MAX_LENGTH = 500;
const MAX_DEPTH = 40;
const KEYWORDS: Record<string, Expr> = {
  true: { type: "literal", value: true },
  false: { type: "literal", value: false },
  null: { type: "literal", value: null },
};
const COMPARE: readonly string[] = ["==", "!=", "<", "<=", ">", ">="];

class ParseError extends Error {}

class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parseAll(): Expr {
    const expr = this.or();
    const t = this.peek();
    if (t.type !== "end") throw new ParseError(`unexpected ${describe(t)} at ${t.at + 1}`);
    return expr;
  }

  private peek(): Token {
    return this.tokens[this.i] ?? { type: "end", at: 0 };
  }
  private isOp(value: string): boolean {
    const t = this.peek();
    return (t.type === "op" || t.type === "ident") && t.value === value;
  }
  private take(value: string): void {
    if (!this.isOp(value)) throw new ParseError(`expected '${value}' but found ${describe(this.peek())}`);
    this.i++;
  }
  private binary(ops: readonly string[], next: () => Expr, alias: Record<string, BinaryOp> = {}): Expr {
    let left = next();
    for (;;) {
      const op = ops.find((o) => this.isOp(o));
      if (op === undefined) return left;
      this.i++;
      left = { type: "binary", op: alias[op] ?? (op as BinaryOp), left, right: next() };
    }
  }
  private or = (): Expr => this.binary(["or", "||"], this.and, { "||": "or" });
  private and = (): Expr => this.binary(["and", "&&"], this.not, { "&&": "and" });
  private not = (): Expr => {
    if (!this.isOp("not") && !this.isOp("!")) return this.compare();
    this.i++;
    return { type: "unary", op: "not", arg: this.nested(this.not) };
  };
  private compare = (): Expr => {
    const left = this.additive();
    const op = [...COMPARE, "in"].find((o) => this.isOp(o));
    if (op === undefined) return left;
    this.i++;
    return { type: "binary", op: op as BinaryOp, left, right: this.additive() };
  };
  private additive = (): Expr => this.binary(["+", "-"], this.multiplicative);
  private multiplicative = (): Expr => this.binary(["*", "/", "%"], this.unary);
  private unary = (): Expr => {
    if (!this.isOp("-")) return this.primary();
    this.i++;
    return { type: "unary", op: "neg", arg: this.nested(this.unary) };
  };
  private nested(inner: () => Expr): Expr {
    if (++this.depth > MAX_DEPTH) throw new ParseError("expression nested too deeply");
    const e = inner();
    this.depth--;
    return e;
  }
  private primary(): Expr {
    const t = this.peek();
    this.i++;
    if (t.type === "num" || t.type === "str") return { type: "literal", value: t.value };
    if (t.type === "op" && t.value === "(") return this.group();
    if (t.type === "op" && t.value === "[") return { type: "list", items: this.items("]") };
    if (t.type === "ident") return this.identifier(t.value);
    throw new ParseError(`unexpected ${describe(t)} at ${t.at + 1}`);
  }
  private group(): Expr {
    const e = this.nested(this.or);
    this.take(")");
    return e;
  }
  private items(close: string): Expr[] {
    const items: Expr[] = [];
    while (!this.isOp(close)) {
      items.push(this.nested(this.or));
      if (!this.isOp(close)) this.take(",");
    }
    this.take(close);
    return items;
  }
  private identifier(name: string): Expr {
    const keyword = KEYWORDS[name];
    if (keyword !== undefined && Object.hasOwn(KEYWORDS, name)) return keyword;
    if (this.isOp("(")) return this.call(name);
    const path = [name];
    while (this.isOp(".")) {
      this.i++;
      const seg = this.peek();
      const index = seg.type === "num" && Number.isInteger(seg.value);
      if (seg.type !== "ident" && !index) throw new ParseError(`expected a name after '.' at ${seg.at + 1}`);
      path.push(String(seg.value));
      this.i++;
    }
    const bad = path.find((s) => FORBIDDEN_NAMES.has(s));
    if (bad !== undefined) throw new ParseError(`'${bad}' is not allowed`);
    return { type: "path", path };
  }
  private call(name: string): Expr {
    if (!(FUNCTIONS as readonly string[]).includes(name)) throw new ParseError(`unknown function '${name}'`);
    this.i++;
    return { type: "call", fn: name as FnName, args: this.items(")") };
  }
}

function describe(t: Token): string {
  return t.type === "end" ? "end of expression" : `'${String(t.value)}'`;
}

/** Parse an expression; never throws. */
export function parseExpression(src: string): ParseResult {
  if (src.length > MAX_LENGTH) return { ok: false, error: `expression longer than ${MAX_LENGTH} characters` };
  const lexed = tokenize(src);
  if (!lexed.ok) return lexed;
  try {
    return { ok: true, expr: new Parser(lexed.tokens).parseAll() };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, error: e.message };
    throw e;
  }
}
