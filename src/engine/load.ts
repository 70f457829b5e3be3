/** Loading flow files from disk: the engine's only I/O. Parsing itself is pure (`parse/`). */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFlowSource, type LoadResult } from "./parse/parse-set.js";

export { parseFlowSource } from "./parse/parse-set.js";

/** Read and parse `dir/*.yaml` (including `_global.yaml`); errors carry file and line. */
export function loadFlowSet(dir: string): LoadResult {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    if (!/\.ya?ml$/.test(name)) continue;
    const path = join(dir, name);
    files[path] = readFileSync(path, "utf8");
  }
  return parseFlowSource(files);
}
