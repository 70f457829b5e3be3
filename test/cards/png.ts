import { readFile, writeFile } from "node:fs/promises";
import { createCanvas, loadImage } from "@napi-rs/canvas";

export interface Pixels {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** Decodes a PNG into RGBA pixels. */
export async function pixelsOf(png: Buffer): Promise<Pixels> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext("2d");
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return { data, width, height };
}

/** Share of pixels whose channels differ by more than `channelTolerance` (anti-aliasing noise). */
export function differingShare(a: Pixels, b: Pixels, channelTolerance = 24): number {
  if (a.width !== b.width || a.height !== b.height) return 1;
  let differing = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)) > channelTolerance) {
        differing++;
        break;
      }
    }
  }
  return differing / (a.width * a.height);
}

/** Compares `png` with the golden file; UPDATE_GOLDEN=1 (re)writes the golden instead. */
export async function compareWithGolden(png: Buffer, goldenPath: string): Promise<number> {
  if (process.env.UPDATE_GOLDEN === "1") {
    await writeFile(goldenPath, png);
    return 0;
  }
  return differingShare(await pixelsOf(png), await pixelsOf(await readFile(goldenPath)));
}

/** A deterministic stand-in "photo": a gradient with a face-like oval, as PNG bytes. */
export async function syntheticPhoto(): Promise<Buffer> {
  const canvas = createCanvas(300, 360);
  const ctx = canvas.getContext("2d");
  const gradient = ctx.createLinearGradient(0, 0, 0, 360);
  gradient.addColorStop(0, "#9fb8c8");
  gradient.addColorStop(1, "#d8e2e8");
  ctx.fillStyle = gradient;
  ctx.fillRect(0, 0, 300, 360);
  ctx.fillStyle = "#c08f6b";
  ctx.beginPath();
  ctx.ellipse(150, 150, 70, 90, 0, 0, Math.PI * 2);
  ctx.fill();
  ctx.fillStyle = "#7a4b8c";
  ctx.beginPath();
  ctx.ellipse(150, 380, 140, 120, 0, Math.PI, Math.PI * 2);
  ctx.fill();
  return canvas.encode("png");
}
