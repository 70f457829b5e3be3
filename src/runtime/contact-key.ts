/** A contact is `<channel>:<address>` (e.g. `telegram:123456`, `web:asha`): one person on one channel. */
export interface ContactAddress {
  channel: string;
  address: string;
}

export function contactKeyOf({ channel, address }: ContactAddress): string {
  return `${channel}:${address}`;
}

export function parseContactKey(contactKey: string): ContactAddress {
  const colon = contactKey.indexOf(":");
  if (colon <= 0 || colon === contactKey.length - 1) throw new Error(`malformed contact key: ${contactKey}`);
  return { channel: contactKey.slice(0, colon), address: contactKey.slice(colon + 1) };
}
