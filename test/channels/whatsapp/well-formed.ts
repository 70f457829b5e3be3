/** Checks that a converter result is a well-formed inbound event or an explicit "ignored" with a reason. */
import { expect } from "vitest";
import type { WhatsAppInbound } from "../../../src/channels/whatsapp/convert.js";
import { expectKindField } from "../inbound-kind.js";

/** `whatsapp:<phone digits>`, or `whatsapp:<digits>@lid` when no phone is known for a LID. */
const CONTACT_KEY = /^whatsapp:\d{5,20}(@lid)?$/;

export function expectWellFormed(result: WhatsAppInbound): void {
  if (result.type === "ignored") {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  const m = result.event.message;
  expect(m.channel).toBe("whatsapp");
  expect(m.contactKey).toMatch(CONTACT_KEY);
  expect(m.eventId).toMatch(/^\d{5,20}(@lid)?:\S+$/);
  if (result.sentAt) expect(Number.isNaN(result.sentAt.getTime())).toBe(false);
  expectKindField(m);
}
