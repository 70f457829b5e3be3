/**
 * Card verification codes: `<membership number, compact>.<HMAC-SHA256, first 12 bytes, base64url>`,
 * e.g. `UP0001234K.q3X9…` (27 characters). Only the holder of the signing key can make one, so a
 * code that verifies was issued by us; whether the membership still stands is a lookup.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { parseMembershipNumber } from "../domain/members/membership-number.js";

const MAC_BYTES = 12;
const DOMAIN = "sampark-card:v1:";
export const MIN_SIGNING_KEY_BYTES = 32;

/** What the member store says about a membership number. */
export type MembershipStatus = "active" | "revoked";
/** Port: looks a compact membership number up; undefined when there is no such member. */
export type MembershipLookup = (compactNumber: string) => Promise<MembershipStatus | undefined>;

export type VerifyResult =
  | { status: "invalid" }
  | { status: "valid" | "revoked" | "unknown"; membershipNumber: string };

/** The code printed (as a QR URL) on the card of `membershipNumber` (any accepted spelling). */
export function signCode(key: Buffer, membershipNumber: string): string {
  const parsed = parseMembershipNumber(membershipNumber);
  if (!parsed.ok) throw new RangeError(`not a membership number: ${membershipNumber}`);
  return `${parsed.value.compact}.${mac(key, parsed.value.compact).toString("base64url")}`;
}

/** `<baseUrl>/verify/<code>`, tolerating a trailing slash on the base URL. */
export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/verify/${code}`;
}

/** valid | revoked | unknown for a genuine code; invalid for anything forged, altered or malformed. */
export async function verifyCode(code: string, key: Buffer, lookup: MembershipLookup): Promise<VerifyResult> {
  const match = /^([A-Z0-9]{10,12})\.([A-Za-z0-9_-]{16})$/.exec(code.trim());
  if (!match) return { status: "invalid" };
  const [, compact = "", signature = ""] = match;
  const parsed = parseMembershipNumber(compact);
  if (!parsed.ok || parsed.value.compact !== compact) return { status: "invalid" };
  const given = Buffer.from(signature, "base64url");
  if (given.length !== MAC_BYTES || !timingSafeEqual(given, mac(key, compact))) return { status: "invalid" };
  const status = await lookup(compact);
  const membershipNumber = parsed.value.formatted;
  if (status === undefined) return { status: "unknown", membershipNumber };
  return { status: status === "active" ? "valid" : "revoked", membershipNumber };
}

function mac(key: Buffer, compact: string): Buffer {
  if (key.length < MIN_SIGNING_KEY_BYTES) throw new RangeError(`card signing key must be at least ${MIN_SIGNING_KEY_BYTES} bytes`);
  return createHmac("sha256", key).update(DOMAIN + compact).digest().subarray(0, MAC_BYTES);
}
