/** Reading and writing session variables by dotted path, own properties only. */
import { FORBIDDEN_NAMES } from "./schema/index.js";
import type { Json, Vars } from "./types.js";

/** Set `path` (e.g. `member.name`) in `vars`, creating objects on the way. Forbidden names are ignored. */
export function setVar(vars: Vars, path: string, value: Json): void {
  const segs = path.split(".");
  if (segs.some((s) => FORBIDDEN_NAMES.has(s))) return;
  let obj: Vars = vars;
  for (const seg of segs.slice(0, -1)) {
    const cur = Object.hasOwn(obj, seg) ? obj[seg] : undefined;
    if (cur === undefined || cur === null || typeof cur !== "object" || Array.isArray(cur)) {
      const fresh: Vars = {};
      obj[seg] = fresh;
      obj = fresh;
    } else {
      obj = cur;
    }
  }
  const last = segs.at(-1);
  if (last !== undefined) obj[last] = value;
}

/** Merge `extra` into `vars` path by path (top-level keys may be dotted). */
export function mergeVars(vars: Vars, extra: Vars): void {
  for (const [k, v] of Object.entries(extra)) setVar(vars, k, v);
}
