/** Sorting documents by a sort spec with MongoDB's cross-type order and array rules. */
import type { Document } from "../contract.js";
import { compareValues } from "./compare.js";
import { badValue } from "./errors.js";
import { toNumber } from "./numbers.js";
import { sortValue } from "./paths.js";
import { isPlainObject } from "./values.js";

export interface SortKey {
  parts: string[];
  dir: 1 | -1;
}

export function parseSort(spec: unknown): SortKey[] {
  if (spec === undefined || spec === null) return [];
  if (!isPlainObject(spec)) throw badValue("sort must be an object");
  return Object.entries(spec).map(([path, d]) => {
    // {$meta: "textScore"} has no meaning without text indexes; it sorts as a no-op.
    const n = isPlainObject(d) ? 1 : toNumber(d);
    if (n !== 1 && n !== -1) throw badValue(`$sort key ordering must be 1 (for ascending) or -1 (for descending)`);
    return { parts: path.split("."), dir: n };
  });
}

/** A stable sort (ties keep their order); sort keys are computed once per document. */
export function sortDocs<T extends Document>(docs: T[], spec: unknown): T[] {
  const keys = parseSort(spec);
  if (keys.length === 0 || docs.length < 2) return docs;
  const decorated = docs.map((doc) => ({ doc, vals: keys.map((k) => sortValue(doc, k.parts, k.dir)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(a.vals[i], b.vals[i]);
      if (c !== 0) return c * (keys[i] as SortKey).dir;
    }
    return 0;
  });
  return decorated.map((d) => d.doc);
}
