/**
 * `choice` input: options shown a page at a time. A reply picks by button id, by its number on
 * the shown page, by label (either language) or synonym; "more"/"और" turns the page.
 */
import type { ChoiceOption } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { MORE_WORDS } from "../text/synonyms.js";
import { fail, ok, type Answer, type InputResult } from "./answer.js";

/** Id of the synthetic "more options" button. */
export const MORE_ID = "__more";
/** Default options per page. */
export const DEFAULT_PAGE_SIZE = 8;

/** The options on page `page` (0-based) and whether more follow. */
export function pageOf(options: readonly ChoiceOption[], page: number, size: number): { shown: ChoiceOption[]; more: boolean } {
  const start = page * size;
  return { shown: options.slice(start, start + size), more: options.length > start + size };
}

function matches(option: ChoiceOption, word: string): boolean {
  return foldForMatch(option.label) === word || foldForMatch(option.id) === word || (option.synonyms ?? []).includes(word);
}

/** Match an answer against the options of the shown page (labels and ids against all options). */
export function validateChoice(options: readonly ChoiceOption[], page: number, size: number, a: Answer): InputResult {
  const { shown, more } = pageOf(options, page, size);
  if (a.kind === "choice") {
    if (a.message.choice === MORE_ID && more) return { type: "more" };
    const hit = options.find((o) => o.id === a.message.choice);
    return hit ? ok(hit.id) : fail("choice");
  }
  if (a.kind !== "text" || a.folded === "") return fail("choice");
  if (/^\d{1,3}$/.test(a.folded)) {
    const n = Number(a.folded);
    if (more && n === shown.length + 1) return { type: "more" };
    const hit = shown[n - 1];
    return hit ? ok(hit.id) : fail("choice");
  }
  if (more && MORE_WORDS.has(a.folded)) return { type: "more" };
  const hit = options.find((o) => matches(o, a.folded));
  return hit ? ok(hit.id) : fail("choice");
}
