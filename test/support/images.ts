/** Real images for photo tests, drawn with the same canvas the cards use. */
import { createCanvas } from "@napi-rs/canvas";

/** A `width`×`height` image in one colour with a dark square in its middle. */
export async function testImage(width: number, height: number, format: "jpeg" | "png" | "webp" = "jpeg", colour = "#c0392b"): Promise<Buffer> {
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = colour;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = "#1b2631";
  ctx.fillRect(width / 3, height / 3, width / 3, height / 3);
  return format === "png" ? canvas.encode("png") : format === "webp" ? canvas.encode("webp", 90) : canvas.encode("jpeg", 90);
}
