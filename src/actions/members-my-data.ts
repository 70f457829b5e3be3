/**
 * The member's own data (DPDP Act rights to access, correction and erasure): `members.my_data`
 * shows what is stored, masked unless the person asks to reveal it; `members.correct` fixes one
 * field; `members.erase` tombstones the record and deletes the photo and cards. Each leaves an audit entry without personal data.
 */
import { z } from "zod";
import { normalizeIndianMobile, validateEpic } from "../domain/members/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { Member } from "../store/members/repository.js";
import type { EnrolmentServices } from "./deps.js";
import { Lang, maskEpic, maskPhone } from "./shared.js";

const CORRECTABLE = ["name", "phone", "epic"] as const;

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
      result: z.object({ number: z.string(), name: z.string(), age: z.number(), phone: z.string(), epic: z.string(), booth: z.string(), photo: z.boolean(), sensitive: z.boolean(), consents: z.number() }),
      async run({ reveal, lang }, { contactKey, now }) {
        const m = await mine(contactKey);
        if (reveal) await s.audit.record({ action: "member.revealed", memberId: m._id, actor: "self", fields: ["phone", "epic"] }, now);
        const booth = m.acNumber && m.partNumber ? await s.geo.booth(m.state, m.acNumber, m.partNumber) : undefined;
        const boothName = booth ? (lang === "hi" ? (booth.name.hi ?? booth.name.en) : booth.name.en) : "";
        return {
          number: m.number,
          name: m.name ?? "",
          age: m.age ?? 0,
          phone: reveal ? (m.phone ?? "") : maskPhone(m.phone),
          epic: reveal ? (m.epic ?? "") : maskEpic(m.epic),
          booth: m.acNumber ? `${m.acNumber}/${m.partNumber ?? ""} ${boothName}`.trim() : "",
          photo: m.photo !== undefined,
          sensitive: m.sensitive !== undefined,
          consents: m.consents.length,
        };
      },
    }),
    defineAction({
      name: "members.correct",
      args: z.object({ field: z.enum(CORRECTABLE), value: z.string().trim().min(1).max(60) }),
      result: z.object({ field: z.string() }),
      async run({ field, value }, { contactKey, now }) {
        const m = await mine(contactKey);
        const updated = await s.members.update(m._id, { [field]: checkedValue(field, value) }, {}, now);
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

function checkedValue(field: (typeof CORRECTABLE)[number], value: string): string {
  if (field === "name") {
    if (!/^[\p{L}\p{M}][\p{L}\p{M} .'-]{1,59}$/u.test(value)) throw new ActionFailure("bad_name");
    return value;
  }
  const checked = field === "phone" ? normalizeIndianMobile(value) : validateEpic(value);
  if (!checked.ok) throw new ActionFailure(`bad_${field}`);
  return typeof checked.value === "string" ? checked.value : checked.value.number;
}
