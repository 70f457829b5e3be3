/**
 * Personal referral codes: short, typed by people from a poster or a forwarded message, so the
 * alphabet leaves out look-alikes (0/O, 1/I/L). Randomness comes in as bytes (pure, testable).
 */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const REFERRAL_CODE_LENGTH = 7;

/** A code from `REFERRAL_CODE_LENGTH` random bytes (the modulo bias over 31 symbols is harmless here). */
export function referralCodeFrom(bytes: Uint8Array): string {
  if (bytes.length < REFERRAL_CODE_LENGTH) throw new RangeError(`need ${REFERRAL_CODE_LENGTH} random bytes`);
  let code = "";
  for (let i = 0; i < REFERRAL_CODE_LENGTH; i++) code += ALPHABET.charAt((bytes[i] ?? 0) % ALPHABET.length);
  return code;
}

/**
 * The code in what a person sent (`ref_ab2cd3e`, `JOIN ab2cd3e`, ` AB2CD3E `), upper-cased;
 * undefined when it cannot be one. O/I/L are read as the digits people meant.
 */
export function parseReferralCode(input: string | null | undefined): string | undefined {
  const text = (input ?? "").trim().replace(/^ref_/i, "").toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1");
  return new RegExp(`^[${ALPHABET}]{${REFERRAL_CODE_LENGTH}}$`).test(text) ? text : undefined;
}
