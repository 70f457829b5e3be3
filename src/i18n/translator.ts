/**
 * i18next over `locales/hi.json` and `locales/en.json` (Hindi default), exposed as the engine's
 * `t(key, vars, lang)` port. Variables go through `replace`, so a variable named `count` or `lng`
 * cannot change i18next's behaviour. `{{n, number}}` and `{{d, date}}` use `format.ts`.
 */
import i18next, { type Resource } from "i18next";
import en from "../../locales/en.json" with { type: "json" };
import hi from "../../locales/hi.json" with { type: "json" };
import type { Lang, Translate } from "../engine/types.js";
import { formatDate, formatNumber, type FormatOptions } from "./format.js";

/** Options for `createTranslator`. */
export interface TranslatorOptions extends FormatOptions {
  /** Locale resources (language → nested keys); defaults to the shipped `locales/*.json`. */
  resources?: Record<Lang, Record<string, unknown>>;
}

/** The shipped locale resources. */
export const LOCALES: Record<Lang, Record<string, unknown>> = { hi, en };

function asLang(lng: string | undefined): Lang {
  return lng === "en" ? "en" : "hi";
}

/** Variables minus names i18next reads as options even inside `replace` (they would switch language). */
function withoutReserved(vars: Record<string, unknown>): Record<string, unknown> {
  const { lng: _lng, lngs: _lngs, locale: _locale, ...rest } = vars;
  return rest;
}

/** Create the translation port: synchronous, isolated i18next instance, Hindi fallback. */
export function createTranslator(opts: TranslatorOptions = {}): Translate {
  const sources = opts.resources ?? LOCALES;
  const resources: Resource = { hi: { translation: sources.hi }, en: { translation: sources.en } };
  const i18n = i18next.createInstance();
  void i18n.init({
    resources,
    lng: "hi",
    fallbackLng: "hi",
    supportedLngs: ["hi", "en"],
    initAsync: false,
    showSupportNotice: false,
    returnNull: false,
    interpolation: { escapeValue: false },
  });
  i18n.services.formatter?.add("number", (value, lng) => formatNumber(Number(value), asLang(lng), opts));
  i18n.services.formatter?.add("date", (value, lng) => formatDate(value as string, asLang(lng), opts));
  return (key, vars, lang) => i18n.t(key, { lng: lang, replace: withoutReserved(vars) });
}
