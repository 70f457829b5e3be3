/** Translations: every key in every locale, the same interpolation variables everywhere, all known. */
import type { CheckContext } from "../types.js";
import type { Reporter } from "./locate.js";
import { isKnownVar } from "./vars.js";

/** The string at a dotted key of a nested locale object (own properties only). */
export function lookupKey(locale: unknown, key: string): string | undefined {
  let cur: unknown = locale;
  for (const seg of key.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, seg)) return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return typeof cur === "string" ? cur : undefined;
}

/** Interpolation variable names in an i18next string (`{{member.name}}`, `{{n, number}}`). */
export function interpolationVars(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^,}\s]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? "");
  return [...new Set(names)].sort();
}

/** Check one key used at some place: present in every locale, same variables, variables known. */
export function checkKey(key: string, known: readonly string[], ctx: CheckContext, report: (code: "missing_translation" | "interpolation_mismatch" | "unknown_variable", message: string) => void): void {
  let reference: { lang: string; vars: string[] } | undefined;
  for (const [lang, locale] of Object.entries(ctx.locales)) {
    const text = lookupKey(locale, key);
    if (text === undefined) {
      report("missing_translation", `translation '${key}' is missing in locale '${lang}'`);
      continue;
    }
    const vars = interpolationVars(text);
    if (reference === undefined) reference = { lang, vars };
    else if (vars.join(",") !== reference.vars.join(",")) {
      report("interpolation_mismatch", `translation '${key}' uses {{${vars.join(", ")}}} in '${lang}' but {{${reference.vars.join(", ")}}} in '${reference.lang}'`);
    }
    for (const v of vars) {
      if (!isKnownVar(v, known)) report("unknown_variable", `translation '${key}' (${lang}) uses unknown variable '${v}'`);
    }
  }
}

/** Check the keys a flow's steps send. */
export function checkStepKeys(keysByStep: [string, unknown, string[]][], known: readonly string[], ctx: CheckContext, r: Reporter): void {
  for (const [id, step, keys] of keysByStep) {
    for (const key of new Set(keys)) checkKey(key, known, ctx, (code, msg) => r.atValue(step, `steps.${id}`, key, code, msg));
  }
}
