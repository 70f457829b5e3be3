/**
 * Stand-ins drawn when config or the member gives no image: a neutral mark (the organisation's
 * initial in a ring — no party colours or symbols) and a grey person silhouette.
 */
import type { SKRSContext2D } from "@napi-rs/canvas";
import { cardFont } from "./fonts.js";

export function drawGeneratedLogo(ctx: SKRSContext2D, orgName: string, x: number, y: number, size: number): void {
  const r = size / 2;
  ctx.save();
  ctx.fillStyle = "#ffffff";
  ctx.beginPath();
  ctx.arc(x + r, y + r, r, 0, Math.PI * 2);
  ctx.fill();
  ctx.strokeStyle = "#5f6b73";
  ctx.lineWidth = Math.max(2, size / 24);
  ctx.beginPath();
  ctx.arc(x + r, y + r, r * 0.82, 0, Math.PI * 2);
  ctx.stroke();
  ctx.fillStyle = "#37424a";
  ctx.font = cardFont(Math.round(size * 0.46), "bold");
  ctx.textAlign = "center";
  ctx.textBaseline = "middle";
  ctx.fillText(initialOf(orgName), x + r, y + r);
  ctx.restore();
}

export function drawSilhouette(ctx: SKRSContext2D, x: number, y: number, w: number, h: number): void {
  ctx.save();
  ctx.fillStyle = "#e6e9ec";
  ctx.fillRect(x, y, w, h);
  ctx.fillStyle = "#b3bac1";
  const cx = x + w / 2;
  ctx.beginPath();
  ctx.arc(cx, y + h * 0.38, w * 0.22, 0, Math.PI * 2);
  ctx.fill();
  ctx.beginPath();
  ctx.ellipse(cx, y + h * 1.02, w * 0.42, h * 0.4, 0, Math.PI, Math.PI * 2);
  ctx.fill();
  ctx.restore();
}

/** The first letter (a whole grapheme, so "श्री" is not split) of the name. */
function initialOf(name: string): string {
  const first = new Intl.Segmenter("hi", { granularity: "grapheme" }).segment(name.trim())[Symbol.iterator]().next();
  return first.done ? "•" : first.value.segment.toUpperCase();
}
