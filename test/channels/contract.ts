/**
 * The channel contract: one suite every adapter (telegram, whatsapp, web) must pass, run against
 * the adapter over its fake provider. A harness wraps the adapter and the fake; a failure mode the
 * provider cannot produce (the web channel has no rate limits) is declared unsupported and skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Channel, ChannelEvent, OutboundPart } from "../../src/channels/channel.js";

/** What the provider got for one part, normalized across providers. */
export interface DeliveredPart {
  type: OutboundPart["type"];
  text?: string;
  caption?: string;
  media?: string;
  /** Buttons (id + label) when choices render as buttons. */
  choices?: { id: string; label: string }[];
}

export type FailureMode = "rate_limited" | "blocked" | "bad_request" | "server_error" | "connection_reset" | "timeout_after_send";

export interface ChannelHarness {
  channel: Channel;
  /** A fresh recipient address each call (so per-recipient limits of one test do not leak into another). */
  recipient(): string;
  /** Parts the provider accepted for `recipient`, oldest first. */
  delivered(recipient: string): Promise<DeliveredPart[]>;
  /** Makes the next send to `recipient` fail this way; false when the provider has no such failure. */
  failNext(mode: FailureMode, recipient: string): boolean | Promise<boolean>;
  /** Makes the provider deliver a text from `recipient` to the adapter. */
  receiveText(recipient: string, text: string): Promise<void>;
  close(): Promise<void>;
}

const EXPECTED: Record<FailureMode, string> = {
  rate_limited: "retry_after",
  blocked: "blocked",
  bad_request: "invalid",
  server_error: "transient",
  connection_reset: "transient",
  timeout_after_send: "ambiguous",
};

export function channelContract(name: string, makeHarness: () => Promise<ChannelHarness>): void {
  describe(`channel contract: ${name}`, () => {
    let h: ChannelHarness;
    const events: ChannelEvent[] = [];

    beforeAll(async () => {
      h = await makeHarness();
      await h.channel.start(async (event) => void events.push(event));
    });
    afterAll(() => h.close());

    it("declares sane capabilities", () => {
      const caps = h.channel.capabilities;
      expect(caps.maxTextLength).toBeGreaterThan(0);
      expect(caps.maxCaptionLength).toBeGreaterThan(0);
      if (caps.choices.type === "buttons") expect(caps.choices.maxDataBytes).toBeGreaterThan(0);
    });

    it("renders within its capabilities: text split, captions bounded, button data bounded", () => {
      const caps = h.channel.capabilities;
      const long = Array.from({ length: 8 }, () => "अ".repeat(Math.ceil(caps.maxTextLength / 3))).join("\n\n");
      const choices = [{ id: "a", label: "पहला" }, { id: "b".repeat(80), label: "दूसरा" }];
      const parts = h.channel.render({ text: long, image: "https://example.org/a.png", choices });
      for (const part of parts) {
        if (part.type === "text") expect(part.text.length).toBeLessThanOrEqual(caps.maxTextLength);
        else expect((part.caption ?? "").length).toBeLessThanOrEqual(caps.maxCaptionLength);
        for (const c of part.choices ?? []) {
          expect(caps.choices.type).toBe("buttons");
          if (caps.choices.type === "buttons") expect(Buffer.byteLength(c.id)).toBeLessThanOrEqual(caps.choices.maxDataBytes);
        }
      }
      expect(parts.filter((p) => p.type === "text").map((p) => (p.type === "text" ? p.text : "")).join("")).toContain("दूसरा");
    });

    it("sends a text and returns the provider's message id", async () => {
      const to = h.recipient();
      const id = await h.channel.send({ recipient: to, part: { type: "text", text: "नमस्ते" } });
      expect(id).toMatch(/\S/);
      expect(await h.delivered(to)).toEqual([expect.objectContaining({ type: "text", text: "नमस्ते" })]);
    });

    it("sends choices the way the capabilities say", async () => {
      const to = h.recipient();
      const choices = [{ id: "join", label: "सदस्य बनें" }, { id: "camps", label: "शिविर" }];
      for (const part of h.channel.render({ text: "क्या करना है?", choices })) await h.channel.send({ recipient: to, part });
      const [got] = await h.delivered(to);
      if (h.channel.capabilities.choices.type === "buttons") expect(got?.choices).toEqual(choices);
      else expect(got?.text).toContain("1. सदस्य बनें");
    });

    it("sends a photo and a document with captions", async () => {
      const to = h.recipient();
      await h.channel.send({ recipient: to, part: { type: "photo", media: "https://example.org/card.png", caption: "कार्ड" } });
      const other = h.recipient();
      await h.channel.send({ recipient: other, part: { type: "document", media: "https://example.org/form.pdf", caption: "फ़ॉर्म" } });
      expect(await h.delivered(to)).toEqual([expect.objectContaining({ type: "photo", caption: "कार्ड" })]);
      expect(await h.delivered(other)).toEqual([expect.objectContaining({ type: "document", caption: "फ़ॉर्म" })]);
    });

    it("hands inbound messages to the handler with the channel's contact key", async () => {
      const from = h.recipient();
      await h.receiveText(from, "मदद");
      await expect.poll(() => events.find((e) => e.type === "message" && e.message.contactKey === `${h.channel.name}:${from}`), { timeout: 5000 }).toBeDefined();
    });

    for (const mode of Object.keys(EXPECTED) as FailureMode[]) {
      it(`classifies ${mode} as ${EXPECTED[mode]}`, async (ctx) => {
        const to = h.recipient();
        if (!(await h.failNext(mode, to))) return ctx.skip();
        const error = await h.channel.send({ recipient: to, part: { type: "text", text: "x" } }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error, "the send should fail").not.toBeNull();
        const failure = h.channel.classify(error);
        expect(failure.kind).toBe(EXPECTED[mode]);
        if (failure.kind === "retry_after") expect(failure.seconds).toBeGreaterThanOrEqual(1);
      });
    }
  });
}
