/** `yesno` input: Hindi, Hinglish and English yes/no words, and 1/2. */
import { fail, ok, type Answer, type InputResult } from "./answer.js";
import { NO_WORDS, YES_WORDS } from "../text/synonyms.js";

/** Validate yes/no; saves true or false. A tapped button's id ("yes"/"no") works too. */
export function validateYesNo(a: Answer): InputResult {
  const word = a.kind === "choice" ? (a.message.choice ?? "") : a.folded;
  if (YES_WORDS.has(word)) return ok(true);
  if (NO_WORDS.has(word)) return ok(false);
  return fail("yesno");
}
