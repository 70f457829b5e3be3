/**
 * `{{expression}}` templates. A template that is exactly one placeholder yields the raw value
 * (a number stays a number); otherwise placeholders are stringified into the text.
 */
import type { Json } from "../types.js";
import type { Expr } from "./ast.js";
import { evaluate, stringify } from "./evaluate.js";
import { parseExpression } from "./parser.js";

/** A template split into text and parsed placeholders. */
export type TemplatePart = { type: "text"; text: string } | { type: "expr"; expr: Expr; src: string };

const PLACEHOLDER = /\{\{(.*?)\}\}/gs;

/** Parse a template; errors name the bad placeholder. */
export function parseTemplate(src: string): { ok: true; parts: TemplatePart[] } | { ok: false; error: string } {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const m of src.matchAll(PLACEHOLDER)) {
    const inner = (m[1] ?? "").trim();
    const parsed = parseExpression(inner);
    if (!parsed.ok) return { ok: false, error: `in {{${inner}}}: ${parsed.error}` };
    if (m.index > last) parts.push({ type: "text", text: src.slice(last, m.index) });
    parts.push({ type: "expr", expr: parsed.expr, src: inner });
    last = m.index + m[0].length;
  }
  if (last < src.length) parts.push({ type: "text", text: src.slice(last) });
  return { ok: true, parts };
}

/** Render a template against variables (unparseable templates render as their source). */
export function renderTemplate(src: string, vars: Json): Json {
  const parsed = parseTemplate(src);
  if (!parsed.ok) return src;
  const [only] = parsed.parts;
  if (parsed.parts.length === 1 && only?.type === "expr") return evaluate(only.expr, vars);
  return parsed.parts.map((p) => (p.type === "text" ? p.text : stringify(evaluate(p.expr, vars)))).join("");
}
