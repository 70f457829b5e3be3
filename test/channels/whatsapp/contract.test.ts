/** The channel contract against the Baileys adapter over the fake socket, on a real embedded store. */
import type { AnyMessageContent } from "@whiskeysockets/baileys";
import type { SentMessage } from "../../fakes/baileys-socket.js";
import { channelContract, type ChannelHarness, type DeliveredPart, type FailureMode } from "../contract.js";
import { startWhatsAppWorld, textMessage, untilState } from "./world.js";

async function harness(): Promise<ChannelHarness> {
  const world = await startWhatsAppWorld("wa-contract");
  await world.seedLinked("test");
  const { channel, fake } = world.makeChannel();
  let next = 919800000000;
  const jid = (to: string) => `${to}@s.whatsapp.net`;
  return {
    // The socket opens asynchronously after `start`, as Baileys' does; sends need it open.
    channel: { ...channel, start: async (handler) => (await channel.start(handler), await untilState(channel, "open")) },
    recipient: () => String(++next),
    delivered: async (to) => fake.latest().sent.filter((m) => m.jid === jid(to)).map(toDelivered),
    failNext(mode: FailureMode, to: string) {
      const faults = {
        rate_limited: "rate_overlimit",
        bad_request: "bad_request",
        server_error: "server_error",
        connection_reset: "connection_closed",
        timeout_after_send: "timeout",
        // WhatsApp does not tell a sender that it was blocked: messages just stay undelivered.
        blocked: undefined,
      } as const satisfies Record<FailureMode, string | undefined>;
      const fault = faults[mode];
      if (fault) fake.latest().failNext(jid(to), fault);
      return fault !== undefined;
    },
    receiveText: async (from, text) => fake.latest().receive([textMessage(from, text)]),
    close: () => world.close(),
  };
}

function toDelivered({ content }: SentMessage): DeliveredPart {
  const c = content as AnyMessageContent & { text?: string; caption?: string; image?: { url: string }; document?: { url: string } };
  const type = c.image ? "photo" : c.document ? "document" : "text";
  const media = c.image?.url ?? c.document?.url;
  return {
    type,
    ...(typeof c.text === "string" ? { text: c.text } : {}),
    ...(typeof c.caption === "string" ? { caption: c.caption } : {}),
    ...(media ? { media } : {}),
  };
}

channelContract("whatsapp (Baileys, fake socket)", harness);
