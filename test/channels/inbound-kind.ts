/** Shared by the recorded-payload suites: every inbound kind must carry the field that kind needs. */
import { expect } from "vitest";
import type { InboundMessage } from "../../src/engine/types.js";

export function expectKindField(m: InboundMessage): void {
  const required: Record<InboundMessage["kind"], unknown> = {
    text: m.text,
    command: m.text,
    choice: m.choice,
    photo: m.media,
    contact: m.contact?.phone,
    location: m.location?.lat,
  };
  expect(required[m.kind], `${m.kind} needs its field`).toBeDefined();
}
