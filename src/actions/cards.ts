/**
 * `cards.send`: renders the member's digital ID card (PNG with a signed verification QR), stores
 * it under its verification code and returns the image URL the flow attaches to a message (the
 * Telegram and WhatsApp adapters upload the stored bytes behind it, src/cards/card-media.ts).
 * Rendering again gives the same code, so a re-send replaces the stored card.
 */
import { z } from "zod";
import { renderCard } from "../cards/index.js";
import { cardImageUrl } from "../cards/card-media.js";
import { calendarDateIn } from "../domain/members/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { EnrolmentServices } from "./deps.js";
import { photoBytes } from "./member-photo.js";
import { Lang } from "./shared.js";

export function cardActions(s: EnrolmentServices): ActionDefinition[] {
  return [
    defineAction({
      name: "cards.send",
      args: z.object({ lang: Lang }),
      result: z.object({ image: z.string(), verify: z.string(), number: z.string() }),
      async run({ lang }, { contactKey, now }) {
        const m = await s.members.byContact(contactKey);
        if (!m?.name || !m.acNumber) throw new ActionFailure("not_member");
        const ac = await s.geo.constituency(m.state, m.acNumber);
        const booth = m.partNumber ? await s.geo.booth(m.state, m.acNumber, m.partNumber) : undefined;
        if (!ac) throw new ActionFailure("unknown_booth");
        const photo = await photoBytes(s, m.photo);
        const card = await renderCard(
          {
            name: m.name,
            membershipNumber: m.number,
            ac: { number: ac.number, name: ac.name },
            ...(booth ? { booth: { partNumber: booth.partNumber, name: booth.name } } : {}),
            ...(photo ? { photo } : {}),
            issuedOn: calendarDateIn(m.createdAt, s.config.timezone),
            language: lang,
          },
          { orgName: s.config.orgName, ...(s.config.logo ? { logo: s.config.logo } : {}) },
          { key: s.config.cardSigningKey, verifyBaseUrl: s.config.publicBaseUrl },
        );
        await s.cards.save(card.code, m._id, card.png, now);
        return { image: cardImageUrl(s.config.publicBaseUrl, card.code), verify: card.url, number: m.number };
      },
    }),
  ];
}
