/**
 * `consent.notice` gives the notice's variables (version, organisation, grievance contact) before
 * it is shown; `consent.grant` stamps an explicit yes with the server's clock. The record itself
 * is stored with the member at enrolment, so someone who stops half-way (or is a minor) leaves
 * nothing behind.
 */
import { z } from "zod";
import { CONSENT_METHODS, CONSENT_PURPOSES, noticeVersion } from "../domain/consent/index.js";
import { ActionFailure, defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { EnrolmentServices } from "./deps.js";
import { channelOf, Lang } from "./shared.js";

export function consentActions(s: EnrolmentServices): ActionDefinition[] {
  const version = (purpose: (typeof CONSENT_PURPOSES)[number]) => noticeVersion(purpose, (key, lang) => s.translate(key, {}, lang));
  return [
    defineAction({
      name: "consent.notice",
      args: z.object({ purpose: z.enum(CONSENT_PURPOSES) }),
      result: z.object({ version: z.string(), org: z.string(), grievance: z.string() }),
      run: async ({ purpose }) => ({ version: version(purpose), org: s.config.orgName, grievance: s.config.grievanceContact }),
    }),
    defineAction({
      name: "consent.grant",
      args: z.object({ purpose: z.enum(CONSENT_PURPOSES), version: z.string(), lang: Lang, method: z.enum(CONSENT_METHODS) }),
      result: ConsentGiven,
      async run({ purpose, version: shown, lang, method }, { contactKey, now }) {
        // The wording changed between showing and answering: the yes was not to the current text.
        if (shown !== version(purpose)) throw new ActionFailure("notice_changed");
        return { purpose, version: shown, lang, method, at: now.toISOString(), channel: channelOf(contactKey) };
      },
    }),
  ];
}

/** A consent as the flow carries it until enrolment stores it. */
export const ConsentGiven = z.object({
  purpose: z.enum(CONSENT_PURPOSES),
  version: z.string(),
  lang: Lang,
  method: z.enum(CONSENT_METHODS),
  at: z.string(),
  channel: z.string(),
});
