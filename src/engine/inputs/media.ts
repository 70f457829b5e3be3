/** `photo`, `location` and `contact` inputs: things shared rather than typed. */
import { parseMobile } from "./ids.js";
import { fail, ok, type Answer, type InputResult } from "./answer.js";

/** Validate a photo; saves its media reference. */
export function validatePhoto(a: Answer): InputResult {
  const media = a.message.media;
  return a.kind === "photo" && typeof media === "string" && media !== "" ? ok(media) : fail("photo");
}

/** Validate a shared location; saves `{ lat, lon }`. */
export function validateLocation(a: Answer): InputResult {
  const loc = a.message.location;
  if (a.kind !== "location" || loc === undefined) return fail("location");
  const valid = Number.isFinite(loc.lat) && Number.isFinite(loc.lon) && Math.abs(loc.lat) <= 90 && Math.abs(loc.lon) <= 180;
  return valid ? ok({ lat: loc.lat, lon: loc.lon }) : fail("location");
}

/** Validate a shared contact: only the person's own; saves the 10-digit number (or the raw one). */
export function validateContact(a: Answer): InputResult {
  const c = a.message.contact;
  if (a.kind !== "contact" || c === undefined) return fail("contact");
  if (!c.isOwn) return fail("contact_not_own");
  return ok(parseMobile(c.phone) ?? c.phone.replace(/[^\d+]/g, ""));
}
