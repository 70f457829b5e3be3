/** Draws a QR code (pure-JS `qrcode` encoder) onto a canvas with whole-pixel modules, so it scans. */
import type { SKRSContext2D } from "@napi-rs/canvas";
import QRCode from "qrcode";

/** Quiet zone the QR specification asks for, in modules. */
const QUIET_MODULES = 4;

/** Draws `text` as a QR code inside the `size`×`size` square at (x, y), quiet zone included. */
export function drawQr(ctx: SKRSContext2D, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const cell = Math.floor(size / (modules.size + 2 * QUIET_MODULES));
  if (cell < 2) throw new RangeError(`QR of ${modules.size} modules does not fit ${size}px`);
  const offset = Math.floor((size - cell * modules.size) / 2);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(x, y, size, size);
  ctx.fillStyle = "#000000";
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) ctx.fillRect(x + offset + col * cell, y + offset + row * cell, cell, cell);
    }
  }
}
