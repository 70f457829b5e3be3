/** Finding where in a file a value or a path sits, for checker messages. */
import { positionOf } from "../parse/yaml-source.js";
import type { FlowErrorCode, FlowError, SourcePos } from "../types.js";

/** The dotted path (below `base`) where `value` first occurs in `data`. */
export function pathOfValue(data: unknown, value: string, base: string): string | undefined {
  if (data === value) return base;
  if (data === null || typeof data !== "object") return undefined;
  for (const [k, v] of Object.entries(data)) {
    const found = pathOfValue(v, value, `${base}.${k}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** An error maker bound to one file. */
export interface Reporter {
  at(path: string, code: FlowErrorCode, message: string): void;
  /** Report at the place `value` occurs below `base` (e.g. a step). */
  atValue(data: unknown, base: string, value: string, code: FlowErrorCode, message: string): void;
}

/** A reporter that appends to `out`. */
export function reporter(file: string, positions: Record<string, SourcePos>, out: FlowError[]): Reporter {
  const at = (path: string, code: FlowErrorCode, message: string) => {
    const pos = positionOf(positions, path);
    out.push({ file, line: pos.line, column: pos.column, code, message });
  };
  return {
    at,
    atValue: (data, base, value, code, message) => at(pathOfValue(data, value, base) ?? base, code, message),
  };
}
