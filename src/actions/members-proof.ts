/**
 * Proof of control before the duplicate offer may update an existing membership: whoever knows
 * someone's voter ID must not be able to overwrite their record. `members.request_proof` grants
 * the proof at once when the channel vouches for the member's own phone (WhatsApp sender,
 * Telegram own-contact share) or the chat is already linked to the membership; otherwise it sends
 * a one-time code to the membership's registered chats. `members.check_proof` takes a try at the
 * code (3 tries, 10 minutes). `members.update_existing` uses a verified proof of the calling
 * contact for that very membership, once (`useProof`, proof-guard.ts), and refuses without one, whatever the
 * flow says. Assisted enrolment proves by code only: the code reaches the member, who tells the
 * enroller. The audit log records each step with the actor and the method, never a value.
 */
import type { Connection } from "mongoose";
import { z } from "zod";
import { proofCode, proofCodeHash, proofCodeMatches, proofKey } from "../crypto/index.js";
import { normalizeIndianMobile, validateEpic } from "../domain/members/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { Lang as Language } from "../engine/types.js";
import type { Member } from "../store/members/repository.js";
import { CODE_ATTEMPTS, CODE_VALID_MS, CODES_PER_MEMBER, type ProofStore } from "../store/members/proofs.js";
import type { EnrolmentServices } from "./deps.js";
import { activeEnroller } from "./members-enrol.js";
import { parseBoothId } from "./shared.js";

const HOUR_MS = 3600_000;

/** The chats a code can go to: a member's linked contacts that did not opt out and are not blocked. */
export interface ProofContacts {
  reachable(contactKeys: string[]): Promise<{ contactKey: string; language: Language }[]>;
}

export function proofContacts(connection: Connection): ProofContacts {
  const contacts = connection.collection<{ _id: string; language?: string; optedOut?: boolean; blocked?: boolean }>("contacts");
  return {
    async reachable(contactKeys) {
      if (contactKeys.length === 0) return [];
      const found = await contacts.find({ _id: { $in: contactKeys }, optedOut: { $ne: true }, blocked: { $ne: true } }, { projection: { language: 1 } }).toArray();
      return found.map((c) => ({ contactKey: c._id, language: c.language === "en" ? "en" : "hi" }));
    },
  };
}

const RequestArgs = z.object({ booth: z.string(), epic: z.string(), phone: z.string(), assisted: z.boolean().nullish() });
const Status = z.enum(["proven", "code_sent", "unreachable", "too_many"]);

export function proofActions(s: EnrolmentServices, proofs: ProofStore, contacts: ProofContacts): ActionDefinition[] {
  const key = proofKey(s.config.cardSigningKey);
  return [
    defineAction({
      name: "members.request_proof",
      args: RequestArgs,
      result: z.object({ status: Status, method: z.string(), sent_to: z.number(), grievance: z.string() }),
      async run(args, ctx) {
        const existing = await existingFor(s, args);
        if (!existing) throw new ActionFailure("not_found");
        const actor = args.assisted ? (await activeEnroller(s, ctx.contactKey))._id : "self";
        const answer = (status: z.infer<typeof Status>, extra: { method?: string; sent_to?: number } = {}) => ({
          status,
          method: extra.method ?? "",
          sent_to: extra.sent_to ?? 0,
          grievance: s.config.grievanceContact,
        });
        const audit = (action: "member.proof_requested" | "member.proof_verified" | "member.proof_failed", detail: string) =>
          s.audit.record({ action, memberId: existing._id, actor, fields: [], detail }, ctx.now);

        const method = args.assisted ? undefined : await ownMethod(s, existing, ctx.contactKey);
        if (method) {
          await proofs.grant({ id: ctx.key, contactKey: ctx.contactKey, memberId: existing._id, method, actor }, ctx.now);
          await audit("member.proof_verified", method);
          return answer("proven", { method });
        }
        const targets = await contacts.reachable(existing.contactKeys.filter((k) => k !== ctx.contactKey));
        if (targets.length === 0) {
          await audit("member.proof_failed", "unreachable");
          return answer("unreachable");
        }
        if ((await proofs.challengesSince(existing._id, new Date(ctx.now.getTime() - HOUR_MS), ctx.key)) >= CODES_PER_MEMBER) {
          await audit("member.proof_failed", "too_many");
          return answer("too_many");
        }
        // Derived, not random: a re-run of this very step after a crash sends the same code again.
        const code = proofCode(key, ctx.key);
        await proofs.challenge({ id: ctx.key, contactKey: ctx.contactKey, memberId: existing._id, codeHash: proofCodeHash(key, ctx.key, code), actor }, ctx.now);
        const minutes = CODE_VALID_MS / 60_000;
        for (const target of targets) {
          await ctx.notify({ to: target.contactKey, text: s.translate("enrol.proof_code_notice", { number: existing.number, code, minutes }, target.language) });
        }
        await audit("member.proof_requested", "code");
        return answer("code_sent", { method: "code", sent_to: targets.length });
      },
    }),
    defineAction({
      name: "members.check_proof",
      args: z.object({ code: z.string().trim().max(20) }),
      result: z.object({ ok: z.boolean(), attempts_left: z.number() }),
      async run({ code }, { contactKey, now }) {
        const taken = await proofs.takeAttempt(contactKey, now);
        if (!taken) return { ok: false, attempts_left: 0 };
        const left = Math.max(0, CODE_ATTEMPTS - taken.attempts);
        const audit = (action: "member.proof_verified" | "member.proof_failed", detail: string) =>
          s.audit.record({ action, memberId: taken.memberId, actor: taken.actor, fields: [], detail }, now);
        if (proofCodeMatches(key, taken._id, code, taken.codeHash ?? "")) {
          await proofs.verify(taken._id, now);
          await audit("member.proof_verified", "code");
          return { ok: true, attempts_left: left };
        }
        if (left === 0) await audit("member.proof_failed", "attempts");
        return { ok: false, attempts_left: left };
      },
    }),
  ];
}

/** The membership the duplicate offer is about: the same EPIC in the booth's state, or the same phone. */
async function existingFor(s: EnrolmentServices, args: z.infer<typeof RequestArgs>): Promise<Member | undefined> {
  const booth = parseBoothId(args.booth);
  const epic = validateEpic(args.epic);
  const phone = normalizeIndianMobile(args.phone);
  if (!booth) return undefined;
  return s.members.findDuplicate({ state: booth.state, epic: epic.ok ? epic.value.number : undefined, phone: phone.ok ? phone.value : undefined });
}

/** How the calling contact already proves it is the member: a chat linked to it, or the phone the channel vouches for. */
async function ownMethod(s: EnrolmentServices, existing: Member, contactKey: string): Promise<"linked" | "phone" | undefined> {
  if (existing.contactKeys.includes(contactKey)) return "linked";
  const { phone } = await s.contact(contactKey);
  const checked = phone ? normalizeIndianMobile(phone) : undefined;
  return checked?.ok && existing.phone !== undefined && checked.value === existing.phone ? "phone" : undefined;
}
