/**
 * The member's own data (DPDP Act rights to access, correction and erasure): `members.my_data`
 * shows what is stored, masked unless the person asks to reveal it; `members.correct` fixes one
 * field; `members.erase` tombstones the record and deletes the photo and cards. Each leaves an audit entry without personal data.
 */
import { z } from "zod";
import { maskAddress } from "../domain/access/index.js";
import { GENDER_NOT_SAID, isGender, normalizeIndianMobile, validateAddress, validateEpic } from "../domain/members/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { Member, MemberChanges } from "../store/members/repository.js";
import type { EnrolmentServices } from "./deps.js";
import { genderShown, Lang, maskEpic, maskPhone, optionalText } from "./shared.js";

const CORRECTABLE = ["name", "phone", "epic", "gender", "address"] as const;
type Correctable = (typeof CORRECTABLE)[number];
/** Optional details: correcting them to nothing removes them. */
const REMOVABLE: ReadonlySet<Correctable> = new Set(["gender", "address"]);

export function myDataActions(s: EnrolmentServices): ActionDefinition[] {
  const mine = async (contactKey: string): Promise<Member> => {
    const m = await s.members.byContact(contactKey);
    if (!m) throw new ActionFailure("not_member");
    return m;
  };
  return [
    defineAction({
      name: "members.my_data",
      args: z.object({ reveal: z.boolean().nullish(), lang: Lang }),
      result: z.object({
        number: z.string(),
        name: z.string(),
        age: z.number(),
        gender: z.string(),
        phone: z.string(),
        epic: z.string(),
        booth: z.string(),
        address: z.string(),
        photo: z.boolean(),
        sensitive: z.boolean(),
        consents: z.number(),
      }),
      async run({ reveal, lang }, { contactKey, now }) {
        const m = await mine(contactKey);
        if (reveal) await s.audit.record({ action: "member.revealed", memberId: m._id, actor: "self", fields: ["phone", "epic", ...(m.address ? ["address"] : [])] }, now);
        const booth = m.acNumber && m.partNumber ? await s.geo.booth(m.state, m.acNumber, m.partNumber) : undefined;
        const boothName = booth ? (lang === "hi" ? (booth.name.hi ?? booth.name.en) : booth.name.en) : "";
        return {
          number: m.number,
          name: m.name ?? "",
          age: m.age ?? 0,
          gender: genderShown(s, m.gender, lang),
          phone: reveal ? (m.phone ?? "") : maskPhone(m.phone),
          epic: reveal ? (m.epic ?? "") : maskEpic(m.epic),
          booth: m.acNumber ? `${m.acNumber}/${m.partNumber ?? ""} ${boothName}`.trim() : "",
          address: m.address ? (reveal ? m.address : maskAddress(m.address)) : s.translate("enrol.not_given", {}, lang),
          photo: m.photo !== undefined,
          sensitive: m.sensitive !== undefined,
          consents: m.consents.length,
        };
      },
    }),
    defineAction({
      name: "members.correct",
      // No value (or "prefer not to say") removes an optional detail.
      args: z.object({ field: z.enum(CORRECTABLE), value: optionalText.pipe(z.string().max(200).optional()) }),
      result: z.object({ field: z.string() }),
      async run({ field, value }, { contactKey, now }) {
        const m = await mine(contactKey);
        const checked = value === undefined || value === GENDER_NOT_SAID ? undefined : checkedValue(field, value);
        if (checked === undefined && !REMOVABLE.has(field)) throw new ActionFailure(`bad_${field}`);
        const changes: MemberChanges = checked === undefined ? {} : { [field]: checked };
        const updated = await s.members.update(m._id, changes, checked === undefined ? { unset: [field] } : {}, now);
        if (!updated.ok) throw new ActionFailure("duplicate");
        await s.audit.record({ action: "member.corrected", memberId: m._id, actor: "self", fields: [field] }, now);
        return { field };
      },
    }),
    defineAction({
      name: "members.erase",
      args: z.object({}),
      result: z.object({ erased: z.boolean() }),
      async run(_args, { contactKey, now }) {
        const m = await mine(contactKey);
        const { erased } = await s.members.erase(m._id, now);
        // Every photo file of the member goes, not only the linked one (a crash can leave another).
        await s.photos.removeFor(m._id);
        await s.cards.removeFor(m._id);
        await s.audit.record({ action: "member.erased", memberId: m._id, actor: "self", fields: [] }, now);
        return { erased };
      },
    }),
  ];
}

function checkedValue(field: Correctable, value: string): string {
  if (field === "name") {
    if (!/^[\p{L}\p{M}][\p{L}\p{M} .'-]{1,59}$/u.test(value)) throw new ActionFailure("bad_name");
    return value;
  }
  if (field === "gender") {
    if (!isGender(value)) throw new ActionFailure("bad_gender");
    return value;
  }
  if (field === "address") {
    const address = validateAddress(value);
    if (!address.ok) throw new ActionFailure("bad_address");
    return address.value;
  }
  const checked = field === "phone" ? normalizeIndianMobile(value) : validateEpic(value);
  if (!checked.ok) throw new ActionFailure(`bad_${field}`);
  return typeof checked.value === "string" ? checked.value : checked.value.number;
}
