/** Tokenizer of the expression language. */

/** A token with its offset in the source. */
export type Token =
  | { type: "num"; value: number; at: number }
  | { type: "str"; value: string; at: number }
  | { type: "ident"; value: string; at: number }
  | { type: "op"; value: string; at: number }
  | { type: "end"; at: number };

const OPS = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "+", "-", "*", "/", "%", "!", "(", ")", "[", "]", ",", "."];

/** Split `src` into tokens, or say where it went wrong. */
export function tokenize(src: string): { ok: true; tokens: Token[] } | { ok: false; error: string } {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i] ?? "";
    if (/\s/.test(ch)) {
      i++;
    } else if (/[0-9]/.test(ch)) {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i));
      const text = m?.[0] ?? ch;
      tokens.push({ type: "num", value: Number(text), at: i });
      i += text.length;
    } else if (ch === "'" || ch === '"') {
      const close = src.indexOf(ch, i + 1);
      if (close < 0) return { ok: false, error: `unterminated string at ${i + 1}` };
      tokens.push({ type: "str", value: src.slice(i + 1, close), at: i });
      i = close + 1;
    } else if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0] ?? ch;
      tokens.push({ type: "ident", value: text, at: i });
      i += text.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (op === undefined) return { ok: false, error: `unexpected '${ch}' at ${i + 1}` };
      tokens.push({ type: "op", value: op, at: i });
      i += op.length;
    }
  }
  tokens.push({ type: "end", at: src.length });
  return { ok: true, tokens };
}
