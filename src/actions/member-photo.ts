/**
 * The photo of an enrolment: fetched from the channel it was sent on, checked and shrunk to a
 * small JPEG (src/cards/member-photo.ts), then stored in GridFS and linked to the member. A photo
 * that is too big, undecodable or gone is a value (`problem`), so enrolment goes on without one
 * and the flow says why; a network failure throws, so the whole step is retried later.
 */
import { PHOTO_MAX_BYTES, preparePhoto } from "../cards/member-photo.js";
import type { EnrolmentServices } from "./deps.js";

/** Why a photo that was sent is not kept. */
export type PhotoProblem = "too_big" | "unreadable" | "unavailable";

export type FetchedPhoto = { ok: true; jpeg: Buffer } | { ok: false; problem: PhotoProblem };

/** A photo answer: the media reference and the channel it came from. */
export interface PhotoRef {
  ref: string;
  channel: string;
}

export async function fetchPhoto(s: EnrolmentServices, photo: PhotoRef): Promise<FetchedPhoto> {
  const downloader = s.media[photo.channel];
  if (!downloader) return { ok: false, problem: "unavailable" };
  const fetched = await downloader.download(photo.ref, PHOTO_MAX_BYTES);
  if (!fetched.ok) return { ok: false, problem: fetched.reason };
  const prepared = await preparePhoto(fetched.bytes);
  return prepared.ok ? { ok: true, jpeg: prepared.jpeg } : { ok: false, problem: prepared.reason };
}

/** Stores the photo and points the member at it; the member's earlier photos are deleted. */
export async function attachPhoto(s: EnrolmentServices, memberId: string, jpeg: Buffer, now: Date): Promise<void> {
  const fileId = await s.photos.save(memberId, jpeg, now);
  const updated = await s.members.update(memberId, { photo: { fileId, storedAt: now } }, {}, now).catch(async (error: unknown) => {
    // Erased meanwhile (or the store failed): the file must not outlive the link to it.
    await s.photos.removeFor(memberId);
    throw error;
  });
  if (!updated.ok) await s.photos.removeFor(memberId);
  else await s.photos.removeFor(memberId, fileId);
}

/** The member's photo bytes for the card; undefined when there is none. */
export async function photoBytes(s: EnrolmentServices, photo: { fileId?: string } | undefined): Promise<Buffer | undefined> {
  return photo?.fileId ? s.photos.read(photo.fileId) : undefined;
}
