/** Common Hindi, Hinglish and English words the engine understands, already folded. */
import { foldForMatch } from "./normalize.js";

const fold = (words: string[]): ReadonlySet<string> => new Set(words.map(foldForMatch));

/** Words meaning yes. */
export const YES_WORDS = fold([
  "yes", "y", "yeah", "yep", "ok", "okay", "sure", "1",
  "haan", "han", "haa", "ha", "hanji", "haanji", "haan ji", "ji", "ji haan", "theek", "thik", "sahi",
  "हाँ", "हां", "हा", "हाँ जी", "जी", "जी हाँ", "ठीक", "ठीक है", "सही",
]);

/** Words meaning no. */
export const NO_WORDS = fold([
  "no", "n", "nope", "2",
  "nahi", "nahin", "nai", "na", "naa", "ji nahi", "mat",
  "नहीं", "नही", "ना", "जी नहीं", "मत",
]);

/** Words asking for the next page of a long choice list. */
export const MORE_WORDS = fold(["more", "next", "aur", "aage", "और", "आगे", "अधिक"]);
