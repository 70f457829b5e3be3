/** YAML text → plain data plus a map of dotted paths to source positions (via `LineCounter`). */
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node } from "yaml";
import type { FlowError, SourcePos } from "../types.js";

/** A parsed YAML document. */
export interface YamlSource {
  data: unknown;
  positions: Record<string, SourcePos>;
}

/** Parse YAML; syntax errors come back as `FlowError`s with file and line. */
export function parseYaml(file: string, text: string): { ok: true; source: YamlSource } | { ok: false; errors: FlowError[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((e) => {
        const pos = e.linePos?.[0] ?? { line: 1, col: 1 };
        return { file, line: pos.line, column: pos.col, code: "yaml_syntax", message: e.message.split("\n")[0] ?? e.message };
      }),
    };
  }
  const positions: Record<string, SourcePos> = { "": { line: 1, column: 1 } };
  collect(doc.contents, "", positions, lineCounter);
  return { ok: true, source: { data: doc.toJS(), positions } };
}

function at(node: Node | null | undefined, lc: LineCounter): SourcePos | undefined {
  const start = node?.range?.[0];
  if (start === undefined) return undefined;
  const p = lc.linePos(start);
  return { line: p.line, column: p.col };
}

function collect(node: unknown, path: string, out: Record<string, SourcePos>, lc: LineCounter): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const child = path === "" ? String(pair.key.value) : `${path}.${String(pair.key.value)}`;
      const pos = at(pair.key, lc);
      if (pos !== undefined) out[child] = pos;
      collect(pair.value, child, out, lc);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const child = `${path}.${i}`;
      const pos = at(item as Node, lc);
      if (pos !== undefined) out[child] = pos;
      collect(item, child, out, lc);
    });
  }
}

/** Position of `path` or of its nearest ancestor that has one. */
export function positionOf(positions: Record<string, SourcePos>, path: string): SourcePos {
  let p = path;
  for (;;) {
    const hit = positions[p];
    if (hit !== undefined) return hit;
    if (p === "") return { line: 1, column: 1 };
    const dot = p.lastIndexOf(".");
    p = dot < 0 ? "" : p.slice(0, dot);
  }
}
