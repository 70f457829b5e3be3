/** Expressions and templates: they must parse, and every variable they read must be known. */
import { parseExpression, parseTemplate, variablesOf } from "../expr/index.js";
import type { Flow } from "../schema/index.js";
import { stepFacts } from "../steps/index.js";
import type { Reporter } from "./locate.js";

/** Variables every flow may read. `x.*` means any path below `x`. */
export const BUILTIN_VARS: readonly string[] = ["lang", "roles", "trigger.*"];

/** Variables a flow writes (saves, sets, action results) and declares (`params`). */
export function writtenVars(flow: Flow): string[] {
  return [...(flow.params ?? []), ...Object.values(flow.steps).flatMap((s) => stepFacts(s).writes)];
}

/** Whether `used` is covered by a known path: equal, below a `x.*`, or an ancestor of a known path. */
export function isKnownVar(used: string, known: readonly string[]): boolean {
  return known.some((k) => {
    if (k.endsWith(".*")) {
      const root = k.slice(0, -2);
      return used === root || used.startsWith(`${root}.`);
    }
    return used === k || k.startsWith(`${used}.`);
  });
}

/** Parse every expression and template of a flow and check the variables they read. */
export function checkExpressions(flow: Flow, known: readonly string[], r: Reporter): void {
  for (const [id, step] of Object.entries(flow.steps)) {
    const facts = stepFacts(step);
    const report = (src: string, vars: string[]) => {
      for (const v of vars) {
        if (!isKnownVar(v, known)) r.atValue(step, `steps.${id}`, src, "unknown_variable", `unknown variable '${v}' in step '${id}'`);
      }
    };
    for (const src of facts.expressions) {
      const parsed = parseExpression(src);
      if (!parsed.ok) r.atValue(step, `steps.${id}`, src, "bad_expression", `bad expression "${src}": ${parsed.error}`);
      else report(src, variablesOf(parsed.expr));
    }
    for (const src of facts.templates) {
      const parsed = parseTemplate(src);
      if (!parsed.ok) r.atValue(step, `steps.${id}`, src, "bad_expression", `bad template "${src}": ${parsed.error}`);
      else report(src, parsed.parts.flatMap((p) => (p.type === "expr" ? variablesOf(p.expr) : [])));
    }
  }
}
