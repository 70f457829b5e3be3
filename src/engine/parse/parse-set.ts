/** Parse a whole flow set from in-memory sources (file path → YAML text). */
import { createHash } from "node:crypto";
import { GlobalSchema, type GlobalFile } from "../schema/index.js";
import type { FlowError, FlowSet, LoadedFlow, SourcePos } from "../types.js";
import { issuesToErrors, parseFlow } from "./parse-flow.js";
import { parseYaml, positionOf } from "./yaml-source.js";

/** The result of loading or parsing flow files. */
export type LoadResult = { ok: true; flows: FlowSet } | { ok: false; errors: FlowError[] };

/** Whether a path names the global file. */
export function isGlobalFile(file: string): boolean {
  return /(^|[\\/])_global\.ya?ml$/.test(file);
}

/** The revision a session pins: a content hash of the file. */
export function revisionOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}

type Global = { global: GlobalFile; file: string; positions: Record<string, SourcePos> };

/** Parse every file; the global file is recognised by its name (`_global.yaml`). */
export function parseFlowSource(files: Record<string, string>): LoadResult {
  const errors: FlowError[] = [];
  const flows: Record<string, LoadedFlow> = {};
  let global: Global | null = null;
  for (const [file, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const yaml = parseYaml(file, text);
    if (!yaml.ok) {
      errors.push(...yaml.errors);
      continue;
    }
    const { data, positions } = yaml.source;
    if (isGlobalFile(file)) {
      const parsed = GlobalSchema.safeParse(data);
      if (parsed.success) global = { global: parsed.data, file, positions };
      else errors.push(...issuesToErrors(file, positions, "", parsed.error.issues));
      continue;
    }
    const parsed = parseFlow(file, data, positions);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const id = parsed.flow.id;
    const dup = flows[id];
    if (dup !== undefined) {
      const pos = positionOf(positions, "id");
      errors.push({ file, line: pos.line, column: pos.column, code: "duplicate_flow", message: `flow id '${id}' is also used in ${dup.file}` });
      continue;
    }
    flows[id] = { flow: parsed.flow, revision: revisionOf(text), file, positions };
  }
  if (global === null && errors.length === 0) {
    errors.push({ file: "_global.yaml", line: 1, code: "missing_global", message: "no _global.yaml in the flow set" });
  }
  if (errors.length > 0 || global === null) return { ok: false, errors };
  return { ok: true, flows: { flows, global: global.global, globalFile: global.file, globalPositions: global.positions } };
}
