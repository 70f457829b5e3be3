import { serialize, type DeserializeOptions } from "bson";
import type { Document } from "../contract.js";
import { BsonReader } from "./bson-reader.js";
import { asBuffer } from "./buffers.js";
import { HEADER_SIZE, OpCode, writeHeader } from "./header.js";

export interface OpQueryRequest {
  /** e.g. `admin.$cmd`. */
  fullCollectionName: string;
  /** The command, unwrapped from `$query` when a driver wrapped it. */
  query: Document;
}

/** Decodes a whole OP_QUERY (header included); the projection, if any, is ignored. */
export function decodeOpQuery(message: Buffer, options: DeserializeOptions): OpQueryRequest {
  const reader = new BsonReader(message, HEADER_SIZE, message.length, options);
  reader.int32(); // flags: none matter for a command
  const fullCollectionName = reader.cstring();
  reader.int32(); // numberToSkip
  reader.int32(); // numberToReturn
  const raw = reader.document();
  const wrapped = raw.$query;
  const query = wrapped && typeof wrapped === "object" ? (wrapped as Document) : raw;
  return { fullCollectionName, query };
}

/** AwaitCapable: every server since 1.6 sets it, and drivers expect it on handshake replies. */
const AWAIT_CAPABLE = 8;

/** Encodes an OP_REPLY carrying one document and no cursor. */
export function encodeOpReply(requestId: number, responseTo: number, doc: Document): Buffer {
  const bson = asBuffer(serialize(doc));
  const message = Buffer.allocUnsafe(HEADER_SIZE + 20 + bson.length);
  writeHeader(message, { messageLength: message.length, requestId, responseTo, opCode: OpCode.reply });
  message.writeInt32LE(AWAIT_CAPABLE, HEADER_SIZE);
  message.writeBigInt64LE(0n, HEADER_SIZE + 4); // cursorID
  message.writeInt32LE(0, HEADER_SIZE + 12); // startingFrom
  message.writeInt32LE(1, HEADER_SIZE + 16); // numberReturned
  bson.copy(message, HEADER_SIZE + 20);
  return message;
}
