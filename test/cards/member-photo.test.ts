/** Photos as we keep them: small JPEGs, refused when too big or not an image, never a crash. */
import { loadImage } from "@napi-rs/canvas";
import { describe, expect, it } from "vitest";
import { imageSize, PHOTO_MAX_BYTES, preparePhoto } from "../../src/cards/member-photo.js";
import { testImage } from "../support/images.js";

describe("preparePhoto", () => {
  it("scales a phone photo down to 480 px on its longer side and re-encodes it as JPEG", async () => {
    const prepared = await preparePhoto(await testImage(1200, 1600, "png"));
    if (!prepared.ok) throw new Error(prepared.reason);
    expect([prepared.width, prepared.height]).toEqual([360, 480]);
    expect(prepared.jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    const decoded = await loadImage(prepared.jpeg);
    expect([decoded.width, decoded.height]).toEqual([360, 480]);
    expect(prepared.jpeg.length).toBeLessThan(40_000);
  });

  it("keeps a small photo's size, and takes WebP too", async () => {
    const prepared = await preparePhoto(await testImage(200, 150, "webp"));
    expect(prepared).toMatchObject({ ok: true, width: 200, height: 150 });
  });

  it("drops what the file carried besides the picture (EXIF: location, camera)", async () => {
    const jpeg = await testImage(300, 300);
    const payload = Buffer.from("Exif\0\0GPS-26.8467N-80.9462E");
    const length = Buffer.alloc(2);
    length.writeUInt16BE(payload.length + 2);
    const exif = Buffer.concat([Buffer.from([0xff, 0xe1]), length, payload]);
    const withExif = Buffer.concat([jpeg.subarray(0, 2), exif, jpeg.subarray(2)]);
    const prepared = await preparePhoto(withExif);
    if (!prepared.ok) throw new Error(prepared.reason);
    expect(prepared.jpeg.includes(Buffer.from("GPS-26.8467N"))).toBe(false);
  });

  it("refuses more than 5 MB, and an image whose header claims more than 50 megapixels, before decoding", async () => {
    expect(await preparePhoto(Buffer.alloc(PHOTO_MAX_BYTES + 1))).toEqual({ ok: false, reason: "too_big" });
    const png = await testImage(10, 10, "png");
    png.writeUInt32BE(40_000, 16); // IHDR width
    png.writeUInt32BE(40_000, 20); // IHDR height
    expect(await preparePhoto(png)).toEqual({ ok: false, reason: "too_big" });
  });

  it("refuses what is not a decodable image", async () => {
    expect(await preparePhoto(Buffer.from("not an image at all"))).toEqual({ ok: false, reason: "unreadable" });
    const truncated = (await testImage(400, 400)).subarray(0, 300);
    expect(await preparePhoto(truncated)).toEqual({ ok: false, reason: "unreadable" });
    expect(await preparePhoto(Buffer.alloc(0))).toEqual({ ok: false, reason: "unreadable" });
  });

  it("reads sizes from JPEG, PNG and WebP headers", async () => {
    expect(imageSize(await testImage(321, 123, "jpeg"))).toEqual({ width: 321, height: 123 });
    expect(imageSize(await testImage(321, 123, "png"))).toEqual({ width: 321, height: 123 });
    expect(imageSize(await testImage(321, 123, "webp"))).toEqual({ width: 321, height: 123 });
    expect(imageSize(Buffer.from("GIF89a...."))).toBeUndefined();
  });
});
