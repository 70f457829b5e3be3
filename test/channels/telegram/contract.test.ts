/** The channel contract against the grammY adapter over the fake Bot API, in both inbound modes. */
import { createTelegramChannel } from "../../../src/channels/telegram/telegram-channel.js";
import { startFakeBotApi, type RecordedCall } from "../../fakes/telegram-bot-api.js";
import { captureLogger } from "../../support/logger.js";
import { channelContract, type ChannelHarness, type DeliveredPart, type FailureMode } from "../contract.js";
import { textUpdate } from "./updates.js";

async function harness(mode: "polling" | "webhook"): Promise<ChannelHarness> {
  const api = await startFakeBotApi();
  const channel = createTelegramChannel({ token: api.token, apiRoot: api.url, mode, sendTimeoutSeconds: 1, pollTimeoutSeconds: 1, log: captureLogger().log });
  let chat = 7000;
  let updateId = 1;
  return {
    channel,
    recipient: () => String(++chat),
    delivered: async (to) => api.sent().filter((c) => String(c.params["chat_id"]) === to).map(toDelivered),
    async failNext(mode: FailureMode, to: string) {
      const faults = {
        // A real 429 from the fake's 1 msg/s per chat limit: the next send to `to` comes too soon.
        rate_limited: () => channel.send({ recipient: to, part: { type: "text", text: "first" } }),
        blocked: () => api.blockChat(to),
        bad_request: () => api.injectFaults({ type: "status", status: 400, description: "Bad Request: chat not found" }),
        server_error: () => api.injectFaults({ type: "status", status: 502, description: "Bad Gateway" }),
        connection_reset: () => api.injectFaults({ type: "reset" }),
        timeout_after_send: () => api.injectFaults({ type: "delay", ms: 1500 }),
      } satisfies Record<FailureMode, () => unknown>;
      await faults[mode]();
      return true;
    },
    // Polling: the adapter fetches it; webhook: the fake has no URL to POST to here, so hand the body in as the router would.
    receiveText: async (from, text) => {
      const update = textUpdate(updateId++, Number(from), text);
      if (mode === "polling") await api.pushUpdate(update);
      else await channel.handleUpdate(update);
    },
    close: async () => {
      await channel.stop();
      await api.close();
    },
  };
}

function toDelivered(call: RecordedCall): DeliveredPart {
  const p = call.params;
  const type = call.method === "sendPhoto" ? "photo" : call.method === "sendDocument" ? "document" : "text";
  const media = type === "text" ? undefined : p[type];
  const rows = (p["reply_markup"] as { inline_keyboard?: { text: string; callback_data: string }[][] } | undefined)?.inline_keyboard;
  return {
    type,
    ...(typeof p["text"] === "string" ? { text: p["text"] } : {}),
    ...(typeof p["caption"] === "string" ? { caption: p["caption"] } : {}),
    ...(typeof media === "string" ? { media } : {}),
    ...(rows ? { choices: rows.flat().map((b) => ({ id: b.callback_data, label: b.text })) } : {}),
  };
}

channelContract("telegram (polling)", () => harness("polling"));
channelContract("telegram (webhook)", () => harness("webhook"));
