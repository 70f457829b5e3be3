/** Small pieces the enrolment actions share: argument types and id formats. */
import { z } from "zod";
import { acKey, boothKey } from "../domain/geo/keys.js";
import { isGender } from "../domain/members/index.js";
import type { Lang as Language, Translate } from "../engine/types.js";
import { parseContactKey } from "../runtime/contact-key.js";

export const Lang = z.enum(["hi", "en"]);

/** A template that rendered an unset variable gives null or "": both mean "not given". */
export const optionalText = z
  .string()
  .nullish()
  .transform((v) => (v === null || v === undefined || v.trim() === "" ? undefined : v.trim()));

/** The channel a contact key belongs to (`telegram:42` → `telegram`). */
export function channelOf(contactKey: string): string {
  return parseContactKey(contactKey).channel;
}

export interface BoothRef {
  state: string;
  acNumber: number;
  partNumber: number;
}

/** Choice ids are the geography keys: `UP:AC:170` and `UP:AC:170:P:12`. */
export const acId = (state: string, acNumber: number): string => acKey(state, acNumber);
export const boothId = (b: BoothRef): string => boothKey(b.state, b.acNumber, b.partNumber);

export function parseAcId(id: string): { state: string; acNumber: number } | undefined {
  const m = /^([A-Z]{2}):AC:(\d{1,4})$/.exec(id);
  return m ? { state: m[1] ?? "", acNumber: Number(m[2]) } : undefined;
}

export function parseBoothId(id: string): BoothRef | undefined {
  const m = /^([A-Z]{2}):AC:(\d{1,4}):P:(\d{1,4})$/.exec(id);
  return m ? { state: m[1] ?? "", acNumber: Number(m[2]), partNumber: Number(m[3]) } : undefined;
}

/** `+91 98765 43210` → `+91 ******3210`: enough to recognise, not enough to misuse. */
export function maskPhone(phone: string | undefined): string {
  return phone ? `${phone.slice(0, 3)} ******${phone.slice(-4)}` : "";
}

/** `ABC1234567` → `ABC*****67`. */
export function maskEpic(epic: string | undefined): string {
  return epic ? `${epic.slice(0, 3)}${"*".repeat(Math.max(0, epic.length - 5))}${epic.slice(-2)}` : "";
}

/** A gender as the person reads it (`enrol.gender_female`); nothing given reads `enrol.not_given`. */
export function genderShown(s: { translate: Translate }, gender: string | undefined, lang: Language): string {
  return s.translate(gender && isGender(gender) ? `enrol.gender_${gender}` : "enrol.not_given", {}, lang);
}
