/**
 * A consent record: what was agreed to (purpose + notice version), in which language, when, on
 * which channel, and how. For assisted enrolment the record says whether the person confirmed
 * themselves or an enroller attested that they agreed — never blurred into one.
 */
import type { ConsentPurpose } from "./notice.js";

export const CONSENT_METHODS = ["self", "self_on_enroller_device", "enroller_attestation"] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

export interface ConsentRecord {
  purpose: ConsentPurpose;
  noticeVersion: string;
  language: "hi" | "en";
  at: Date;
  channel: string;
  method: ConsentMethod;
  /** Member id of the enroller for assisted consent (their own confirmation or attestation). */
  enrollerId?: string;
}

