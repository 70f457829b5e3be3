/** Edit-distance scoring of a typed query against a name, both already folded (fold.ts). */

/**
 * How well `query` matches somewhere inside `target`, 0..1: 1 for an exact match, then prefix,
 * then substring; otherwise 1 − (best substring edit distance ÷ query length). Substring
 * distance lets "sarojni" find "sarojininagar" without penalizing the rest of the name.
 */
export function matchScore(query: string, target: string): number {
  if (query === "" || target === "") return 0;
  if (query === target) return 1;
  if (target.startsWith(query)) return 0.95;
  if (target.includes(query)) return 0.9;
  const q = Array.from(query);
  const distance = substringDistance(q, Array.from(target));
  return Math.max(0, 0.85 * (1 - distance / q.length));
}

/** Sellers' algorithm: the least edits turning `query` into any substring of `target`. */
function substringDistance(query: string[], target: string[]): number {
  let previous = Array.from({ length: target.length + 1 }, () => 0);
  for (let i = 1; i <= query.length; i++) {
    const current = [i];
    for (let j = 1; j <= target.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (query[i - 1] === target[j - 1] ? 0 : 1);
      current.push(Math.min(substitution, (previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1));
    }
    previous = current;
  }
  return Math.min(...previous);
}
