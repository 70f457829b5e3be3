/** Checks that a converter result is a well-formed inbound event or an explicit "ignored" with a reason. */
import { expect } from "vitest";
import type { TelegramInbound } from "../../../src/channels/telegram/convert.js";
import { expectKindField } from "../inbound-kind.js";

export function expectWellFormed(result: TelegramInbound): void {
  if (result.type === "ignored") {
    expect(result.reason.length).toBeGreaterThan(0);
    return;
  }
  const event = result.event;
  if (event.type === "reachability") {
    expect(event.contactKey).toMatch(/^telegram:-?\d+$/);
    expect(Number.isNaN(event.at.getTime())).toBe(false);
    return;
  }
  const m = event.message;
  expect(m.channel).toBe("telegram");
  expect(m.eventId).toMatch(/^\d+$/);
  expect(m.contactKey).toMatch(/^telegram:-?\d+$/);
  expectKindField(m);
}
