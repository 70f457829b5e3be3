import type { Socket } from "node:net";
import type { DeserializeOptions } from "bson";
import type { Document } from "../contract.js";
import type { Log } from "../log.js";
import { MessageFramer } from "./framer.js";
import { ProtocolError } from "./header.js";
import { encodeOpMsg } from "./op-msg.js";
import { encodeOpReply } from "./op-query.js";
import { decodeRequest, refuseLegacyQuery, type WireRequest } from "./request.js";

/** Runs one command and resolves with its reply once the command's effects are durable. */
export type CommandRunner = (db: string, command: Document) => Promise<Document>;

export interface ConnectionOptions {
  bsonOptions: DeserializeOptions;
  run: CommandRunner;
  log: Log;
  nextRequestId: () => number;
}

/**
 * Serves one client socket. A framing or decoding error closes this socket only: the error is
 * logged and never thrown out of a socket callback, where it would take the process down.
 */
export function serveConnection(socket: Socket, options: ConnectionOptions): void {
  const framer = new MessageFramer();
  const remote = `${socket.remoteAddress ?? "?"}:${socket.remotePort ?? "?"}`;
  socket.setNoDelay(true);
  socket.on("error", (error) => options.log("debug", "embedded mongo: socket error", { remote, error: error.message }));
  socket.on("data", (chunk: Buffer) => {
    try {
      for (const message of framer.push(chunk)) {
        void respond(socket, decodeRequest(message, options.bsonOptions), options);
      }
    } catch (error) {
      const reason = error instanceof ProtocolError ? error.message : String(error);
      options.log("warn", "embedded mongo: closing connection after a protocol error", { remote, reason });
      socket.destroy();
    }
  });
}

async function respond(socket: Socket, request: WireRequest, options: ConnectionOptions): Promise<void> {
  try {
    const reply = await replyFor(request, options.run);
    if (request.kind === "msg" && request.moreToCome) return;
    if (socket.destroyed) return;
    socket.write(encodeReply(request, reply, options.nextRequestId()));
  } catch (error) {
    options.log("error", "embedded mongo: failed to answer a command", { error: (error as Error).message });
    socket.destroy();
  }
}

function encodeReply(request: WireRequest, reply: Document, id: number): Buffer {
  const encode = request.kind === "msg" ? encodeOpMsg : encodeOpReply;
  try {
    return encode(id, request.requestId, reply);
  } catch (error) {
    // In practice a reply over bson's 17 MB serialization buffer: fail the command, keep the socket.
    const errmsg = `could not encode the reply: ${(error as Error).message}`;
    return encode(id, request.requestId, { ok: 0, errmsg, code: 10334, codeName: "BSONObjectTooLarge" });
  }
}

async function replyFor(request: WireRequest, run: CommandRunner): Promise<Document> {
  if (request.kind === "query") {
    const refusal = refuseLegacyQuery(request);
    if (refusal) return { ok: 0, errmsg: refusal, code: 352, codeName: "UnsupportedOpQueryCommand" };
    return run("admin", request.body);
  }
  const db = request.body.$db;
  if (typeof db !== "string") {
    return { ok: 0, errmsg: "OP_MSG requests require a $db argument", code: 40571, codeName: "Location40571" };
  }
  return run(db, request.body);
}
