/**
 * The two optional details a member may give: gender (one of three, or nothing) and a short
 * free-text address. Least data: "prefer not to say" stores nothing, and the address is capped.
 */
import { accept, reject, type Checked } from "./result.js";

/** Genders a member may record; "prefer not to say" is the absence of a value, never stored. */
export const GENDERS = ["female", "male", "other"] as const;
export type Gender = (typeof GENDERS)[number];

/** The choice id of "prefer not to say" in the flows. */
export const GENDER_NOT_SAID = "prefer_not";

/** Longest address kept, in characters: house, street, village or ward, post office. */
export const ADDRESS_MAX = 150;

export function isGender(value: string): value is Gender {
  return (GENDERS as readonly string[]).includes(value);
}

export type AddressReason = "empty" | "too_long" | "links";

/** An address as typed: spaces collapsed, control characters out, at most `ADDRESS_MAX` characters, no links. */
export function validateAddress(input: string): Checked<string, AddressReason> {
  // eslint-disable-next-line no-control-regex
  const text = input.normalize("NFC").replace(/[\u0000-\u001f\u007f\u200b-\u200f\u2060\ufeff]/g, " ").replace(/\s+/g, " ").trim();
  if (text === "") return reject("empty");
  if ([...text].length > ADDRESS_MAX) return reject("too_long");
  if (/(https?:\/\/|www\.)/i.test(text)) return reject("links");
  return accept(text);
}
