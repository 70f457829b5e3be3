/**
 * Referral codes. A member's code is their membership number in compact form (`UP0000001W`): it
 * is already unique, printed on the card, carries a check character that catches typos, and
 * needs no second identifier to remember. A code only attributes credit, so it need not be secret.
 */
import { parseMembershipNumber } from "../members/membership-number.js";

/** The referral code of a member with this (display or compact) membership number. */
export function referralCodeFor(membershipNumber: string): string {
  const parsed = parseMembershipNumber(membershipNumber);
  if (!parsed.ok) throw new RangeError(`not a membership number: ${membershipNumber}`);
  return parsed.value.compact;
}

/**
 * The code in what a person sent (`ref_UP0000001W`, `JOIN up-0000001-w`, ` UP0000001W `);
 * undefined when it is not a valid membership number (a typo fails the check character).
 */
export function parseReferralCode(input: string | null | undefined): string | undefined {
  const text = (input ?? "").trim().replace(/^ref_/i, "");
  const parsed = text === "" ? undefined : parseMembershipNumber(text);
  return parsed?.ok ? parsed.value.compact : undefined;
}
