/**
 * The channel contract against the web adapter. Its provider is the store (the web inbox) and the
 * simulator's HTTP API, so both are real: an embedded store behind a fault-injecting wire proxy
 * (how a real server or network fails a write), and the web chat routes on a loopback port, which
 * is where delivered parts are read back and inbound posts come from. The web has no rate limits
 * and nobody can block it: those two failure modes are declared unsupported.
 */
import mongoose from "mongoose";
import { createWebChannel } from "../../../src/channels/web/web-channel.js";
import type { WebMessage } from "../../../src/channels/web/web-inbox.js";
import { createApp } from "../../../src/http/app.js";
import { listen } from "../../../src/http/serve.js";
import { webChatRoutes } from "../../../src/http/web-chat-routes.js";
import { startEmbeddedMongo } from "../../../src/store/embedded/index.js";
import { runtimeModels } from "../../../src/store/models/runtime-models.js";
import { startStoreFaultProxy, type StoreFault } from "../../fakes/store-fault-proxy.js";
import { captureLogger } from "../../support/logger.js";
import { channelContract, type ChannelHarness, type DeliveredPart, type FailureMode } from "../contract.js";

/** How the wire fails each mode, as a MongoDB server or the network between would. */
const FAULTS: Record<FailureMode, StoreFault | undefined> = {
  rate_limited: undefined,
  blocked: undefined,
  // The server refuses the document (a collection validator, say): a write error in an ok reply.
  bad_request: { type: "reply", body: { ok: 1, n: 0, nModified: 0, writeErrors: [{ index: 0, code: 121, codeName: "DocumentValidationFailure", errmsg: "Document failed validation" }] } },
  server_error: { type: "reply", body: { ok: 0, code: 1, codeName: "InternalError", errmsg: "internal error" } },
  connection_reset: { type: "reset" },
  // The update reaches the server and is applied; its reply never comes back.
  timeout_after_send: { type: "swallow_reply" },
};

async function harness(): Promise<ChannelHarness> {
  const embedded = await startEmbeddedMongo({ dataDir: "", inMemory: true });
  const proxy = await startStoreFaultProxy(embedded.uri);
  const connection = await mongoose.createConnection(`${proxy.uri}/web-contract`, { serverSelectionTimeoutMS: 5000, socketTimeoutMS: 1000 }).asPromise();
  const models = runtimeModels(connection);
  await Promise.all(Object.values(models).map((m) => m.init()));
  const log = captureLogger("warn").log;
  const channel = createWebChannel({ connection, models, log });
  const app = createApp({ log, storeReady: async () => true, routers: [webChatRoutes({ channel })] });
  const server = await listen(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}`;
  let next = 0;
  return {
    channel,
    recipient: () => `contract-${++next}`,
    async delivered(to) {
      const res = await fetch(`${url}/api/chat/contacts/${to}/messages?after=0`);
      return ((await res.json()) as { messages: WebMessage[] }).messages.map(toDelivered);
    },
    failNext(mode, to) {
      const fault = FAULTS[mode];
      // A send is one update of the contact's inbox document.
      if (fault) proxy.failNext((command) => command["update"] === "web_inbox" && (command["updates"] as { q?: { _id?: unknown } }[] | undefined)?.[0]?.q?._id === to, fault);
      return fault !== undefined;
    },
    async receiveText(from, text) {
      const res = await fetch(`${url}/api/chat/messages`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ contact: { id: from }, text }) });
      if (res.status !== 200) throw new Error(`post answered ${res.status}`);
    },
    async close() {
      await server.close(500);
      await channel.stop();
      await connection.close();
      await proxy.close();
      await embedded.stop();
    },
  };
}

function toDelivered(m: WebMessage): DeliveredPart {
  const type = m.image ? "photo" : m.document ? "document" : "text";
  const media = m.image ?? m.document;
  return {
    type,
    ...(m.text !== undefined ? (type === "text" ? { text: m.text } : { caption: m.text }) : {}),
    ...(media ? { media } : {}),
    ...(m.choices ? { choices: m.choices } : {}),
  };
}

channelContract("web (inbox on the store, behind a faulty wire)", harness);
