/**
 * Consent notices and their versions. A notice's version is a fingerprint of its wording in every
 * language, so editing `locales/*.json` yields a new version automatically: a consent record then
 * proves exactly which text the person agreed to, without anyone remembering to bump a number.
 */
import { createHash } from "node:crypto";

/** What a person can consent to; each purpose has its own notice and its own record. */
export const CONSENT_PURPOSES = ["membership", "sensitive"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

/** Translation key of each purpose's notice (the `consent.*` keys in the locales). */
export const NOTICE_KEYS: Record<ConsentPurpose, string> = {
  membership: "consent.notice",
  sensitive: "consent.sensitive_notice",
};

/** Renders a key's raw template in a language (the i18n port, without variables). */
export type TemplateOf = (key: string, lang: "hi" | "en") => string;

/** `<purpose>-<12 hex>`: sha256 over the notice templates in Hindi and English. */
export function noticeVersion(purpose: ConsentPurpose, templateOf: TemplateOf): string {
  const hash = createHash("sha256");
  for (const lang of ["hi", "en"] as const) hash.update(`${lang}\0${templateOf(NOTICE_KEYS[purpose], lang)}\0`);
  return `${purpose}-${hash.digest("hex").slice(0, 12)}`;
}
