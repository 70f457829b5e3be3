import { randomBytes } from "node:crypto";
import { GridFSBucket } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTarget, type Target } from "./target.js";

/**
 * GridFS as the driver uses it (member photos live in a bucket): inserts into `<bucket>.files` and
 * `<bucket>.chunks`, the indexes the driver creates itself, chunk reads sorted by `n`, finds on
 * metadata, deletes of both collections. Same expectations for the embedded and a real server.
 */
let target: Target;

beforeAll(() => openTarget("conformance_gridfs").then((t) => (target = t)));
afterAll(() => target.close());

async function upload(bucket: GridFSBucket, name: string, bytes: Buffer, metadata: Record<string, unknown>) {
  const stream = bucket.openUploadStream(name, { metadata });
  await new Promise<void>((resolve, reject) => {
    stream.once("finish", () => resolve());
    stream.once("error", reject);
    stream.end(bytes);
  });
  return stream.id;
}

async function download(bucket: GridFSBucket, id: unknown): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bucket.openDownloadStream(id as never)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("GridFS", () => {
  it("stores a file across many chunks and reads it back in order", async () => {
    const bucket = new GridFSBucket(target.db, { bucketName: "photos", chunkSizeBytes: 1000 });
    const bytes = randomBytes(10_500);
    const id = await upload(bucket, "m1.jpg", bytes, { memberId: "m1" });
    expect(await target.db.collection("photos.chunks").countDocuments({ files_id: id })).toBe(11);
    expect((await download(bucket, id)).equals(bytes)).toBe(true);
    const [file] = await bucket.find({ "metadata.memberId": "m1" }).toArray();
    expect(file).toMatchObject({ _id: id, length: 10_500, chunkSize: 1000, filename: "m1.jpg", metadata: { memberId: "m1" } });
  });

  it("creates the driver's indexes on first upload", async () => {
    const names = async (c: string) => (await target.db.collection(c).indexes()).map((i) => JSON.stringify(i.key)).sort();
    expect(await names("photos.files")).toEqual(['{"_id":1}', '{"filename":1,"uploadDate":1}']);
    const chunkIndexes = await target.db.collection("photos.chunks").indexes();
    expect(chunkIndexes.find((i) => JSON.stringify(i.key) === '{"files_id":1,"n":1}')).toMatchObject({ unique: true });
  });

  it("deletes a file with its chunks, and says so for a file that is not there", async () => {
    const bucket = new GridFSBucket(target.db, { bucketName: "photos", chunkSizeBytes: 1000 });
    const id = await upload(bucket, "m2.jpg", randomBytes(2500), { memberId: "m2" });
    await bucket.delete(id);
    expect(await bucket.find({ _id: id }).toArray()).toEqual([]);
    expect(await target.db.collection("photos.chunks").countDocuments({ files_id: id })).toBe(0);
    await expect(bucket.delete(id)).rejects.toThrow(/not found/i);
    await expect(download(bucket, id)).rejects.toThrow(/not found/i);
  });
});
