/**
 * Questions flows ask before collecting anything: is this contact already a member
 * (`members.lookup`), what phone does the channel vouch for (`members.sender_phone`), and is
 * the person about to be enrolled already a member (`members.find_duplicate`, which also names
 * the chosen booth, gender and address for the confirmation). Plus
 * `members.seal`, which encrypts religion/caste the moment they are typed so the session never
 * holds them in plaintext.
 */
import { z } from "zod";
import { encryptField } from "../crypto/index.js";
import { normalizeIndianMobile, validateEpic } from "../domain/members/index.js";
import { defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { EnrolmentServices } from "./deps.js";
import { pendingAad } from "./enrol-input.js";
import { channelOf, genderShown, Lang, optionalText, parseBoothId } from "./shared.js";

export function lookupActions(s: EnrolmentServices): ActionDefinition[] {
  return [
    defineAction({
      name: "members.lookup",
      args: z.object({}),
      result: z.object({ member: z.boolean(), number: z.string(), referral_code: z.string() }),
      async run(_args, { contactKey }) {
        const m = await s.members.byContact(contactKey);
        return { member: m !== undefined, number: m?.number ?? "", referral_code: m?.referralCode ?? "" };
      },
    }),
    defineAction({
      name: "members.sender_phone",
      args: z.object({}),
      result: z.object({ phone: z.string(), channel: z.string() }),
      async run(_args, { contactKey }) {
        const { phone } = await s.contact(contactKey);
        const checked = phone ? normalizeIndianMobile(phone) : undefined;
        return { phone: checked?.ok ? checked.value : "", channel: channelOf(contactKey) };
      },
    }),
    defineAction({
      name: "members.find_duplicate",
      args: z.object({ booth: z.string(), epic: z.string(), phone: z.string(), gender: optionalText, address: optionalText, lang: Lang }),
      result: z.object({ found: z.boolean(), number: z.string(), epic_warning: z.boolean(), booth_name: z.string(), gender_shown: z.string(), address_shown: z.string() }),
      async run({ booth, epic, phone, gender, address, lang }) {
        const ref = parseBoothId(booth);
        const state = ref?.state ?? "";
        const found = ref ? await s.geo.booth(ref.state, ref.acNumber, ref.partNumber) : undefined;
        const checkedEpic = validateEpic(epic);
        const checkedPhone = normalizeIndianMobile(phone);
        const existing = await s.members.findDuplicate({
          state,
          epic: checkedEpic.ok ? checkedEpic.value.number : undefined,
          phone: checkedPhone.ok ? checkedPhone.value : undefined,
        });
        // A check digit that does not add up is only a hint to re-read the card, never a refusal.
        const epicWarning = checkedEpic.ok && (checkedEpic.warnings ?? []).includes("check_digit_mismatch");
        const boothName = found ? `${found.acNumber}/${found.partNumber} ${lang === "hi" ? (found.name.hi ?? found.name.en) : found.name.en}` : "";
        return {
          found: existing !== undefined,
          number: existing?.number ?? "",
          epic_warning: epicWarning,
          booth_name: boothName,
          gender_shown: genderShown(s, gender, lang),
          address_shown: address ?? s.translate("enrol.not_given", {}, lang),
        };
      },
    }),
    defineAction({
      name: "members.seal",
      args: z.object({ field: z.enum(["religion", "caste"]), value: z.string().trim().min(1).max(100) }),
      result: z.object({ sealed: z.string() }),
      run: async ({ field, value }, { contactKey }) => ({ sealed: encryptField(s.config.keyring.current, value, pendingAad(contactKey, field)) }),
    }),
  ];
}
