/** Fitting variable-length text (names, booth names) into a fixed width on the card. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import { cardFont } from "./fonts.js";

export interface FitOptions {
  maxWidth: number;
  px: number;
  minPx: number;
  weight?: "normal" | "bold";
}

/** Draws `text` at the largest size in [minPx, px] that fits; still too wide, it ends in "…". */
export function fillFitted(ctx: SKRSContext2D, text: string, x: number, y: number, options: FitOptions): void {
  const { maxWidth, px, minPx, weight = "normal" } = options;
  let size = px;
  ctx.font = cardFont(size, weight);
  while (size > minPx && ctx.measureText(text).width > maxWidth) {
    size -= 1;
    ctx.font = cardFont(size, weight);
  }
  ctx.fillText(ellipsize(ctx, text, maxWidth), x, y);
}

/** Cuts whole graphemes (never half a conjunct) until the text and "…" fit. */
function ellipsize(ctx: SKRSContext2D, text: string, maxWidth: number): string {
  if (ctx.measureText(text).width <= maxWidth) return text;
  const graphemes = Array.from(new Intl.Segmenter("hi", { granularity: "grapheme" }).segment(text), (s) => s.segment);
  while (graphemes.length > 0 && ctx.measureText(`${graphemes.join("")}…`).width > maxWidth) graphemes.pop();
  return `${graphemes.join("").trimEnd()}…`;
}
