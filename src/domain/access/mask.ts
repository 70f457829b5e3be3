/** Masking of identifiers in listings below admin: enough to recognise a record, not to misuse it. */

/** `+919876543210` → `+91******3210`. */
export function maskPhone(phone: string | undefined): string {
  return phone ? `${phone.slice(0, 3)}${"*".repeat(Math.max(0, phone.length - 7))}${phone.slice(-4)}` : "";
}

/** `ABC1234567` → `ABC*****67`; legacy `UP/01/234/1234567` → `UP/***********67`. */
export function maskEpic(epic: string | undefined): string {
  return epic ? `${epic.slice(0, 3)}${"*".repeat(Math.max(0, epic.length - 5))}${epic.slice(-2)}` : "";
}

/**
 * `House 12, Gali 3, Rampur` → `Hous…`: enough to tell that an address is on file and to
 * recognise one's own, not to find the house. Counts graphemes, so a Devanagari conjunct is never
 * cut in half.
 */
export function maskAddress(address: string | undefined): string {
  if (!address) return "";
  const graphemes = [...new Intl.Segmenter("hi", { granularity: "grapheme" }).segment(address)].map((s) => s.segment);
  return graphemes.length <= 4 ? "…" : `${graphemes.slice(0, 4).join("").trimEnd()}…`;
}
