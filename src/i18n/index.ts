/** Localization: the translation port, per-language formatting, and input normalization. */
export { createTranslator, LOCALES, type TranslatorOptions } from "./translator.js";
export { formatDate, formatNumber, intlLocale, type FormatOptions } from "./format.js";
export { normalizeInput, foldForMatch, toAsciiDigits } from "../engine/text/normalize.js";
export { YES_WORDS, NO_WORDS, MORE_WORDS } from "../engine/text/synonyms.js";
