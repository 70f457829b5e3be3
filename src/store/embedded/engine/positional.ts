/** Which array element a query matched, for the positional `$` in updates and projections. */
import type { Document } from "../contract.js";
import type { Predicate } from "./match.js";
import { getPath } from "./paths.js";
import { isPlainObject } from "./values.js";

/** `doc` with the value at `parts` replaced, copying only the containers on the way. */
function withValueAt(doc: Document, parts: readonly string[], value: unknown): Document {
  const [head, ...rest] = parts as [string, ...string[]];
  const cur = doc[head];
  return { ...doc, [head]: rest.length === 0 ? value : isPlainObject(cur) ? withValueAt(cur, rest, value) : cur };
}

/**
 * The first index i such that the query still matches when the array at `arrayPath` holds only
 * its element i; undefined if there is no array there or no element makes the query match.
 */
export function positionalIndex(doc: Document, arrayPath: readonly string[], query: Predicate): number | undefined {
  const arr = getPath(doc, arrayPath);
  if (!Array.isArray(arr)) return undefined;
  for (let i = 0; i < arr.length; i++) if (query(withValueAt(doc, arrayPath, [arr[i]]))) return i;
  return undefined;
}
