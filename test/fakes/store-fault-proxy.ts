/**
 * A TCP proxy in front of a MongoDB-wire server that fails chosen commands the way a real server
 * or network does: the connection reset when the command arrives (nothing reached the server),
 * an error reply from the "server" (nothing was written), or the command passed on and its reply
 * swallowed (the write happened; the client times out). Commands are matched on the decoded
 * OP_MSG body, so a test can fail "the next insert into web_inbox for contact X".
 */
import net from "node:net";
import type { Document } from "../../src/store/embedded/contract.js";
import { encodeOpMsg } from "../../src/store/embedded/wire/op-msg.js";
import { MessageFramer } from "../../src/store/embedded/wire/framer.js";
import { decodeRequest } from "../../src/store/embedded/wire/request.js";

export type StoreFault = { type: "reset" } | { type: "reply"; body: Document } | { type: "swallow_reply" };

export interface StoreFaultProxy {
  /** `mongodb://127.0.0.1:<port>`, to connect through the proxy. */
  uri: string;
  /** The next command for which `match` holds gets `fault` (once). */
  failNext(match: (command: Document) => boolean, fault: StoreFault): void;
  close(): Promise<void>;
}

export async function startStoreFaultProxy(upstreamUri: string): Promise<StoreFaultProxy> {
  const upstream = new URL(upstreamUri);
  const rules: { match: (command: Document) => boolean; fault: StoreFault }[] = [];
  const sockets = new Set<net.Socket>();
  let nextId = 1;

  const proxy = net.createServer((client) => {
    const server = net.connect(Number(upstream.port), upstream.hostname);
    sockets.add(client).add(server);
    const swallowed = new Set<number>();
    const fromClient = new MessageFramer();
    const fromServer = new MessageFramer();
    const end = () => {
      client.destroy();
      server.destroy();
    };
    client.on("error", end).on("close", end);
    server.on("error", end).on("close", end);

    client.on("data", (chunk: Buffer) => {
      for (const message of fromClient.push(chunk)) {
        const request = decodeRequest(message, {});
        const index = rules.findIndex((r) => r.match(request.body));
        const rule = index >= 0 ? rules.splice(index, 1)[0] : undefined;
        if (!rule) server.write(message);
        else if (rule.fault.type === "reset") client.resetAndDestroy();
        else if (rule.fault.type === "reply") client.write(encodeOpMsg(nextId++, request.requestId, rule.fault.body));
        else {
          swallowed.add(request.requestId);
          server.write(message);
        }
      }
    });
    server.on("data", (chunk: Buffer) => {
      for (const message of fromServer.push(chunk)) {
        const responseTo = message.readInt32LE(8);
        if (!swallowed.delete(responseTo)) client.write(message);
      }
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const { port } = proxy.address() as net.AddressInfo;
  return {
    uri: `mongodb://127.0.0.1:${port}`,
    failNext: (match, fault) => void rules.push({ match, fault }),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
