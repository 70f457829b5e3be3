/**
 * `members.enrol` creates the membership; `members.update_existing` is the answer to the
 * duplicate offer (same EPIC in the state, or same phone): it updates that membership instead
 * of ever creating a second. Both are idempotent: a retried call finds its own record. The photo
 * is fetched before anything is written (a network failure retries the whole step) and attached
 * after; `photo_problem` tells the flow when a photo that was sent could not be kept, and
 * `share_links` carries the referral links ("" when the bot has no known address yet).
 */
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import { parseReferralCode, referralLinkLines, referralLinks } from "../domain/referrals/index.js";
import { newMemberId, type Member } from "../store/members/repository.js";
import { z } from "zod";
import type { EnrolmentServices } from "./deps.js";
import type { ProofStore } from "../store/members/proofs.js";
import { useProof } from "./proof-guard.js";
import { checkEnrolment, EnrolArgs, type CheckedEnrolment } from "./enrol-input.js";
import { attachPhoto, fetchPhoto, type FetchedPhoto } from "./member-photo.js";

const Enrolled = z.object({ id: z.string(), number: z.string(), referral_code: z.string(), photo_problem: z.string(), share_links: z.string() });

/** What both enrol and update need: the assisting enroller (if any), the checked answers, and a clashing member. */
async function prepare(s: EnrolmentServices, args: z.infer<typeof EnrolArgs>, contactKey: string) {
  const enroller = args.assisted ? await activeEnroller(s, contactKey) : undefined;
  const checked = await checkEnrolment(s, args, contactKey, enroller?._id);
  const existing = await s.members.findDuplicate({ state: checked.state, epic: checked.fields.epic, phone: checked.fields.phone });
  return { enroller, checked, existing };
}

export function enrolActions(s: EnrolmentServices, proofs: ProofStore): ActionDefinition[] {
  return [
    defineAction({
      name: "members.enrol",
      args: EnrolArgs,
      result: Enrolled,
      async run(args, { contactKey, now }) {
        const { enroller, checked, existing } = await prepare(s, args, contactKey);
        if (existing) {
          // A replay of this very enrolment (same person, same caller) returns what it created.
          const mine = existing.epic === checked.fields.epic && (enroller ? existing.enrolledBy === enroller._id : existing.contactKeys.includes(contactKey));
          if (!mine) throw new ActionFailure("duplicate");
          // Stored before a crash or failure that came before the photo was: attach it now.
          const photo = existing.photo ? undefined : await photoOf(s, checked);
          if (photo?.ok) await attachPhoto(s, existing._id, photo.jpeg, now);
          return enrolled(s, existing, photo);
        }
        const photo = await photoOf(s, checked);
        const referrer = await referrerOf(s, args.referral);
        const recruiter = enroller ?? referrer;
        const id = newMemberId();
        const sensitive = checked.sealFor(id);
        const created = await s.members.create(
          {
            _id: id,
            state: checked.state,
            ...checked.fields,
            ...(sensitive ? { sensitive } : {}),
            ...(referrer ? { referredBy: referrer._id } : {}),
            ...(enroller ? { enrolledBy: enroller._id } : {}),
            ...(recruiter ? { creditedTo: recruiter._id, ...(recruiter.district ? { creditDistrict: recruiter.district } : {}) } : {}),
            roles: [{ role: "member" }],
            contactKeys: enroller ? [] : [contactKey],
            consents: checked.consents,
          },
          now,
        );
        if (!created.ok) throw new ActionFailure("duplicate");
        if (photo?.ok) await attachPhoto(s, id, photo.jpeg, now);
        await s.audit.record({ action: "member.enrolled", memberId: id, actor: enroller?._id ?? "self", fields: [] }, now);
        return enrolled(s, created.member, photo);
      },
    }),
    defineAction({
      name: "members.update_existing",
      args: EnrolArgs,
      result: Enrolled,
      async run(args, { contactKey, now, key }) {
        const { enroller, checked, existing } = await prepare(s, args, contactKey);
        if (!existing) throw new ActionFailure("not_found");
        // Only someone who proved control of this membership may change it (members-proof.ts).
        const proof = await useProof(s, proofs, { contactKey, memberId: existing._id, useKey: key, actor: enroller?._id ?? "self", now });
        const photo = await photoOf(s, checked);
        const sensitive = checked.sealFor(existing._id);
        const updated = await s.members.update(
          existing._id,
          { ...checked.fields, ...(sensitive ? { sensitive } : {}) },
          { consents: checked.consents, ...(enroller ? {} : { contactKey }) },
          now,
        );
        if (!updated.ok) throw new ActionFailure("duplicate");
        // A new photo replaces the old one; no photo this time keeps the old one.
        if (photo?.ok) await attachPhoto(s, existing._id, photo.jpeg, now);
        const fields = Object.keys(checked.fields).concat(sensitive ? Object.keys(sensitive) : [], photo?.ok ? ["photo"] : []);
        await s.audit.record({ action: "member.updated", memberId: existing._id, actor: enroller?._id ?? "self", fields, detail: proof.method }, now);
        return enrolled(s, updated.member, photo);
      },
    }),
  ];
}

async function photoOf(s: EnrolmentServices, checked: CheckedEnrolment): Promise<FetchedPhoto | undefined> {
  return checked.photo ? fetchPhoto(s, checked.photo) : undefined;
}

async function enrolled(s: EnrolmentServices, m: Member, photo: FetchedPhoto | undefined): Promise<z.infer<typeof Enrolled>> {
  const code = m.referralCode ?? "";
  const links = code ? referralLinkLines(referralLinks(code, await s.addresses())) : "";
  return { id: m._id, number: m.number, referral_code: code, photo_problem: photo && !photo.ok ? photo.problem : "", share_links: links };
}

const ENROLLER_ROLES = new Set(["enroller", "chief_enroller"]);

/**
 * The calling contact's own membership (to be credited), with an enroller role granted on the
 * membership or on the contact (where the flow guard reads it; only trusted sources set it).
 */
export async function activeEnroller(s: EnrolmentServices, contactKey: string): Promise<Member> {
  const [me, contact] = await Promise.all([s.members.byContact(contactKey), s.contact(contactKey)]);
  const granted = [...(me?.roles.map((r) => r.role) ?? []), ...contact.roles].some((r) => ENROLLER_ROLES.has(r));
  if (!me) throw new ActionFailure("not_member");
  if (!granted) throw new ActionFailure("not_enroller");
  return me;
}

async function referrerOf(s: EnrolmentServices, referral: string | undefined): Promise<Member | undefined> {
  const code = parseReferralCode(referral);
  return code ? s.members.byReferralCode(code) : undefined;
}
