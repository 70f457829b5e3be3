/**
 * Registers Noto Sans Devanagari (OFL, from @fontsource) with Skia once per process. Skia shapes
 * with HarfBuzz, so conjuncts (क्ष, श्र), matras and reph (र्ड) come out right. The Devanagari and
 * Latin subsets are separate files; a font list "Deva, Latin" lets each character find its glyph.
 */
import { createRequire } from "node:module";
import { GlobalFonts } from "@napi-rs/canvas";

const DEVANAGARI = "SamparkNotoDevanagari";
const LATIN = "SamparkNotoLatin";
const require = createRequire(import.meta.url);
let registered = false;

/** A CSS font shorthand for the card's face at `px` pixels. */
export function cardFont(px: number, weight: "normal" | "bold" = "normal"): string {
  return `${weight === "bold" ? "bold " : ""}${px}px ${DEVANAGARI}, ${LATIN}`;
}

export function registerCardFonts(): void {
  if (registered) return;
  for (const [subset, family] of [["devanagari", DEVANAGARI], ["latin", LATIN]] as const) {
    for (const weight of [400, 700]) {
      const path = require.resolve(`@fontsource/noto-sans-devanagari/files/noto-sans-devanagari-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.registerFromPath(path, family)) throw new Error(`cannot register card font ${path}`);
    }
  }
  registered = true;
}
