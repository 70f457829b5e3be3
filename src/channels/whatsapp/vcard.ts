/**
 * The phone number on a shared contact card. WhatsApp writes `TEL;type=CELL;waid=<digits>:+91 …`
 * for numbers on WhatsApp; `waid` is the canonical one, the TEL value a fallback for other cards.
 */
export function phoneFromVcard(vcard: string): string | undefined {
  const waid = /waid=(\d{5,20})/i.exec(vcard)?.[1];
  if (waid) return waid;
  const tel = /^(?:item\d+\.)?TEL[^:\r\n]*:([^\r\n]+)/im.exec(vcard)?.[1];
  const digits = tel?.replace(/\D/g, "");
  return digits && digits.length >= 5 && digits.length <= 20 ? digits : undefined;
}
