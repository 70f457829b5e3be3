/**
 * `referrals.leaderboard`: the top recruiters of the member's district and the member's own rank.
 * The list is data (names and counts), so it comes preformatted as lines; the words around it
 * live in the locales.
 */
import { z } from "zod";
import { rankCredits } from "../domain/referrals/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { EnrolmentServices } from "./deps.js";
import { Lang } from "./shared.js";

const TOP = 10;

export function referralActions(s: EnrolmentServices): ActionDefinition[] {
  return [
    defineAction({
      name: "referrals.leaderboard",
      args: z.object({ lang: Lang }),
      result: z.object({ lines: z.string(), rank: z.number(), credits: z.number(), district: z.string(), code: z.string() }),
      async run({ lang }, { contactKey }) {
        const me = await s.members.byContact(contactKey);
        if (!me?.district) throw new ActionFailure("not_member");
        const credits = await s.members.credits(me.district);
        const names = new Map(credits.map((c) => [c.memberId, c.name]));
        const ranked = rankCredits(credits);
        const mine = ranked.find((r) => r.memberId === me._id);
        const district = await s.districtName(me.state, me.district);
        return {
          lines: ranked.slice(0, TOP).map((r) => `${r.rank}. ${names.get(r.memberId) ?? ""} — ${r.credits}`).join("\n"),
          rank: mine?.rank ?? 0,
          credits: mine?.credits ?? 0,
          district: district ? (lang === "hi" ? (district.hi ?? district.en) : district.en) : me.district,
          code: me.referralCode ?? "",
        };
      },
    }),
  ];
}
