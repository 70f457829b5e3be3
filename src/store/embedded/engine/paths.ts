/** Reading dotted paths the way MongoDB queries do: through arrays, element by element. */
import type { Document } from "../contract.js";
import { compareValues } from "./compare.js";
import { isPlainObject } from "./values.js";

export function isIndexKey(s: string): boolean {
  if (s.length === 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The value at `parts` without array fan-out (numeric parts index arrays); undefined if absent. */
export function getPath(doc: unknown, parts: readonly string[]): unknown {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      if (!isIndexKey(p)) return undefined;
      cur = cur[Number(p)];
    } else if (isPlainObject(cur)) {
      cur = cur[p];
    } else {
      return undefined;
    }
  }
  return cur;
}

/**
 * Every value a query on `parts` sees: arrays met on the way fan out to their elements (and a
 * numeric part also indexes them); `undefined` stands for "missing". Leaf arrays stay whole.
 */
export function collectValues(doc: unknown, parts: readonly string[], i = 0, out: unknown[] = []): unknown[] {
  if (i === parts.length) {
    out.push(doc);
    return out;
  }
  const p = parts[i] as string;
  if (Array.isArray(doc)) {
    const before = out.length;
    if (isIndexKey(p) && Number(p) < doc.length) collectValues(doc[Number(p)], parts, i + 1, out);
    for (const el of doc) if (isPlainObject(el)) collectValues(el[p], parts, i + 1, out);
    if (out.length === before) out.push(undefined);
    return out;
  }
  if (isPlainObject(doc)) return collectValues(doc[p], parts, i + 1, out);
  out.push(undefined);
  return out;
}

/** Like collectValues but leaf arrays also fan out to their elements (index keys, distinct). */
export function leafValues(doc: unknown, parts: readonly string[]): unknown[] {
  const out: unknown[] = [];
  for (const v of collectValues(doc, parts)) {
    if (Array.isArray(v)) {
      if (v.length === 0) out.push(undefined);
      else out.push(...v);
    } else {
      out.push(v);
    }
  }
  return out;
}

/** The value a sort uses: ascending takes an array's smallest element, descending its largest. */
export function sortValue(doc: Document, parts: readonly string[], dir: number): unknown {
  const values = collectValues(doc, parts);
  let best: unknown = undefined;
  let first = true;
  for (const v of values) {
    const items = Array.isArray(v) ? v : [v];
    for (const x of items) {
      if (first || compareValues(x, best) * dir < 0) best = x;
      first = false;
    }
  }
  return best === undefined ? null : best;
}
