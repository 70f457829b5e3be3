/**
 * Member photos in GridFS (bucket `member_photos`): one small JPEG per member, named
 * `<memberId>.jpg` with `metadata.memberId`, so erasure can delete every file of a member —
 * including one left behind by a crash between upload and the member update.
 */
import mongoose, { type Connection } from "mongoose";

export const PHOTO_BUCKET = "member_photos";

export interface PhotoStore {
  /** The index erasure looks files up by. */
  init(): Promise<void>;
  /** Stores a JPEG for the member; resolves with the new file's id (hex). */
  save(memberId: string, jpeg: Buffer, now: Date): Promise<string>;
  /** The file's bytes, or undefined when there is no such file. */
  read(fileId: string): Promise<Buffer | undefined>;
  /** Deletes every photo of the member except `keep`; resolves with how many went. */
  removeFor(memberId: string, keep?: string): Promise<number>;
}

export function createPhotoStore(connection: Connection): PhotoStore {
  // The bucket needs the open database, which a connection only has once connected.
  const bucket = () => {
    if (!connection.db) throw new Error("photo store: the connection is not open");
    return new mongoose.mongo.GridFSBucket(connection.db, { bucketName: PHOTO_BUCKET });
  };
  return {
    async init() {
      await connection.collection(`${PHOTO_BUCKET}.files`).createIndex({ "metadata.memberId": 1 });
    },
    async save(memberId, jpeg, now) {
      const upload = bucket().openUploadStream(`${memberId}.jpg`, { metadata: { memberId, contentType: "image/jpeg", storedAt: now } });
      await new Promise<void>((resolve, reject) => {
        upload.once("finish", () => resolve());
        upload.once("error", reject);
        upload.end(jpeg);
      });
      return upload.id.toString();
    },
    async read(fileId) {
      if (!mongoose.isObjectIdOrHexString(fileId)) return undefined;
      const id = new mongoose.mongo.ObjectId(fileId);
      const files = bucket();
      if ((await files.find({ _id: id }, { limit: 1 }).toArray()).length === 0) return undefined;
      const chunks: Buffer[] = [];
      for await (const chunk of files.openDownloadStream(id)) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    async removeFor(memberId, keep) {
      const files = bucket();
      const found = await files.find({ "metadata.memberId": memberId }, { projection: { _id: 1 } }).toArray();
      let removed = 0;
      for (const file of found) {
        if (keep !== undefined && file._id.toString() === keep) continue;
        // A concurrent erasure may have deleted it first: gone is what we want.
        await files.delete(file._id).then(
          () => removed++,
          (error: unknown) => {
            if (!/not found/i.test((error as Error).message)) throw error;
          },
        );
      }
      return removed;
    },
  };
}
