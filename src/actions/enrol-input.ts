/**
 * The details an enrolment (or the update offer) carries, checked again on the server: the flow's
 * inputs are forgiving, the record must be exact (E.164 phone, normalized EPIC, adult, a booth
 * that exists). Sealed religion/caste arrive bound to the contact and are re-bound to the member.
 */
import { z } from "zod";
import type { ConsentRecord } from "../domain/consent/index.js";
import { ADULT_AGE, GENDER_NOT_SAID, GENDERS, normalizeIndianMobile, validateAddress, validateEpic } from "../domain/members/index.js";
import { decryptField, encryptField, fieldAad } from "../crypto/index.js";
import { ActionFailure } from "../runtime/actions.js";
import type { MemberChanges } from "../store/members/repository.js";
import { ConsentGiven } from "./consent.js";
import type { EnrolmentServices } from "./deps.js";
import type { PhotoRef } from "./member-photo.js";
import { channelOf, optionalText, parseBoothId } from "./shared.js";

export const EnrolArgs = z.object({
  name: z.string().trim().min(2).max(60),
  age: z.number().int(),
  phone: z.string(),
  epic: z.string(),
  booth: z.string(),
  photo: optionalText,
  /** Optional; "prefer not to say" (or nothing) stores nothing. */
  gender: optionalText.pipe(z.enum([...GENDERS, GENDER_NOT_SAID]).optional()),
  /** Optional short free text (see `validateAddress`). */
  address: optionalText,
  religion: optionalText,
  caste: optionalText,
  consent: ConsentGiven,
  sensitive_consent: ConsentGiven.nullish(),
  referral: optionalText,
  /** Enrolled by an enroller for someone else (the calling contact is the enroller's). */
  assisted: z.boolean().default(false),
});
export type EnrolArgs = z.infer<typeof EnrolArgs>;

/** The validated record fields, the state they belong to and the consents to store. */
export interface CheckedEnrolment {
  state: string;
  fields: Required<Pick<MemberChanges, "name" | "phone" | "epic" | "age" | "district" | "acNumber" | "partNumber">> & Pick<MemberChanges, "gender" | "address">;
  /** The photo answer, still on its channel: enrolment fetches it (src/actions/member-photo.ts). */
  photo?: PhotoRef;
  consents: ConsentRecord[];
  /** Sealed values bound to the contact; `sealFor` re-binds them to a member. */
  sealFor(memberId: string): MemberChanges["sensitive"];
}

export async function checkEnrolment(s: EnrolmentServices, args: EnrolArgs, contactKey: string, enrollerId?: string): Promise<CheckedEnrolment> {
  const phone = normalizeIndianMobile(args.phone);
  const epic = validateEpic(args.epic);
  const booth = parseBoothId(args.booth);
  if (!phone.ok) throw new ActionFailure("bad_phone");
  if (!epic.ok) throw new ActionFailure("bad_epic");
  const address = args.address === undefined ? undefined : validateAddress(args.address);
  if (address && !address.ok) throw new ActionFailure("bad_address");
  // The flow refuses minors before this point; a record of one must still be impossible.
  if (args.age < ADULT_AGE) throw new ActionFailure("not_adult");
  const found = booth ? await s.geo.booth(booth.state, booth.acNumber, booth.partNumber) : undefined;
  const ac = booth ? await s.geo.constituency(booth.state, booth.acNumber) : undefined;
  if (!booth || !found || !ac) throw new ActionFailure("unknown_booth");
  const consents = [toRecord(args.consent, enrollerId)];
  // Religion and caste are kept only under their own consent; without it they are dropped unread.
  const sensitiveOk = args.sensitive_consent?.purpose === "sensitive" && (args.religion !== undefined || args.caste !== undefined);
  if (sensitiveOk && args.sensitive_consent) consents.push(toRecord(args.sensitive_consent, enrollerId));
  const plain = sensitiveOk ? { religion: open(s, args.religion, contactKey, "religion"), caste: open(s, args.caste, contactKey, "caste") } : {};
  return {
    state: booth.state,
    fields: {
      name: args.name,
      phone: phone.value,
      epic: epic.value.number,
      age: args.age,
      district: ac.district,
      acNumber: booth.acNumber,
      partNumber: booth.partNumber,
      ...(args.gender && args.gender !== GENDER_NOT_SAID ? { gender: args.gender } : {}),
      ...(address?.ok ? { address: address.value } : {}),
    },
    ...(args.photo ? { photo: { ref: args.photo, channel: channelOf(contactKey) } } : {}),
    consents,
    sealFor(memberId) {
      const out: NonNullable<MemberChanges["sensitive"]> = {};
      for (const field of ["religion", "caste"] as const) {
        const value = plain[field];
        if (value !== undefined) out[field] = encryptField(s.config.keyring.current, value, fieldAad("members", memberId, field));
      }
      return Object.keys(out).length > 0 ? out : undefined;
    },
  };
}

/** The `aad` a value sealed during the conversation is bound to (see `members.seal`). */
export function pendingAad(contactKey: string, field: string): string {
  return `pending/${contactKey}/${field}`;
}

function open(s: EnrolmentServices, sealed: string | undefined, contactKey: string, field: string): string | undefined {
  return sealed === undefined ? undefined : decryptField(s.config.keyring, sealed, pendingAad(contactKey, field));
}

function toRecord(c: z.infer<typeof ConsentGiven>, enrollerId: string | undefined): ConsentRecord {
  return {
    purpose: c.purpose,
    noticeVersion: c.version,
    language: c.lang,
    at: new Date(c.at),
    channel: c.channel,
    method: c.method,
    ...(c.method !== "self" && enrollerId ? { enrollerId } : {}),
  };
}
