import type { DeserializeOptions } from "bson";
import type { Document } from "../contract.js";
import { OpCode, ProtocolError, readHeader } from "./header.js";
import { decodeOpMsg, MsgFlags } from "./op-msg.js";
import { decodeOpQuery } from "./op-query.js";

/** One decoded client message, in the shape the connection dispatches. */
export type WireRequest =
  | { kind: "msg"; requestId: number; body: Document; moreToCome: boolean }
  | { kind: "query"; requestId: number; fullCollectionName: string; body: Document };

export function decodeRequest(message: Buffer, options: DeserializeOptions): WireRequest {
  const { requestId, opCode } = readHeader(message);
  switch (opCode) {
    case OpCode.msg: {
      const { flags, body } = decodeOpMsg(message, options);
      return { kind: "msg", requestId, body, moreToCome: (flags & MsgFlags.moreToCome) !== 0 };
    }
    case OpCode.query: {
      const { fullCollectionName, query } = decodeOpQuery(message, options);
      return { kind: "query", requestId, fullCollectionName, body: query };
    }
    case OpCode.compressed:
      throw new ProtocolError("OP_COMPRESSED is not supported (no compressors are advertised)");
    default:
      throw new ProtocolError(`unsupported opcode ${opCode}`);
  }
}

const HANDSHAKE_COMMANDS = new Set(["ismaster", "isMaster", "hello"]);

/**
 * OP_QUERY survives only for the drivers' first handshake. Returns the reason a query is refused,
 * or undefined when it is a legacy hello on `admin.$cmd`.
 */
export function refuseLegacyQuery(request: { fullCollectionName: string; body: Document }): string | undefined {
  const name = Object.keys(request.body)[0] ?? "";
  if (request.fullCollectionName === "admin.$cmd" && HANDSHAKE_COMMANDS.has(name)) return undefined;
  return `Unsupported OP_QUERY command: ${name} on ${request.fullCollectionName}. Use OP_MSG.`;
}
