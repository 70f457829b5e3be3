/** Member photos in GridFS on the embedded store: save, read, delete a member's files. */
import { randomBytes } from "node:crypto";
import mongoose, { type Connection } from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPhotoStore, PHOTO_BUCKET, type PhotoStore } from "../../../src/store/members/photos.js";
import { openGeoStore } from "../geo/harness.js";

const NOW = new Date("2025-03-01T10:00:00Z");

describe("photo store", () => {
  let store: { connection: Connection; close(): Promise<void> };
  let photos: PhotoStore;
  beforeAll(async () => {
    store = await openGeoStore("members-photos");
    photos = createPhotoStore(store.connection);
    await photos.init();
  });
  afterAll(async () => store?.close());

  it("keeps a photo under the member's id and reads it back", async () => {
    const jpeg = randomBytes(300_000); // over one 255 kB chunk
    const id = await photos.save("m_a", jpeg, NOW);
    expect((await photos.read(id))?.equals(jpeg)).toBe(true);
    const files = await store.connection.collection(`${PHOTO_BUCKET}.files`).find({ "metadata.memberId": "m_a" }).toArray();
    expect(files).toEqual([expect.objectContaining({ filename: "m_a.jpg", length: 300_000, metadata: { memberId: "m_a", contentType: "image/jpeg", storedAt: NOW } })]);
  });

  it("reads nothing for an unknown or malformed id", async () => {
    expect(await photos.read("6b122d2d354d062433f06be3")).toBeUndefined();
    expect(await photos.read("not-an-id")).toBeUndefined();
  });

  it("deletes a member's photos, optionally keeping the current one, and only theirs", async () => {
    const old = await photos.save("m_b", randomBytes(10), NOW);
    const current = await photos.save("m_b", randomBytes(10), NOW);
    const other = await photos.save("m_c", randomBytes(10), NOW);
    expect(await photos.removeFor("m_b", current)).toBe(1);
    expect(await photos.read(old)).toBeUndefined();
    expect(await photos.read(current)).toBeDefined();
    expect(await photos.removeFor("m_b")).toBe(1);
    expect(await photos.removeFor("m_b")).toBe(0);
    expect(await store.connection.collection(`${PHOTO_BUCKET}.chunks`).countDocuments({ files_id: { $in: [old, current].map((id) => new mongoose.Types.ObjectId(id)) } })).toBe(0);
    expect(await photos.read(other)).toBeDefined();
  });
});
