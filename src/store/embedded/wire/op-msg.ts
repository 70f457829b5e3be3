import { serialize, type DeserializeOptions } from "bson";
import type { Document } from "../contract.js";
import { BsonReader } from "./bson-reader.js";
import { asBuffer } from "./buffers.js";
import { crc32c } from "./crc32c.js";
import { HEADER_SIZE, OpCode, ProtocolError, writeHeader } from "./header.js";

export const MsgFlags = {
  checksumPresent: 1 << 0,
  moreToCome: 1 << 1,
  exhaustAllowed: 1 << 16,
} as const;

/** Bits 0-15 are "required": a receiver must reject a message that sets one it does not know. */
const KNOWN_REQUIRED_BITS = MsgFlags.checksumPresent | MsgFlags.moreToCome;

export interface OpMsgRequest {
  flags: number;
  /** The kind-0 body with each kind-1 sequence merged in as an array under its identifier. */
  body: Document;
}

/** Decodes a whole OP_MSG (header included). */
export function decodeOpMsg(message: Buffer, options: DeserializeOptions): OpMsgRequest {
  if (message.length < HEADER_SIZE + 4) throw new ProtocolError("OP_MSG too short for its flag bits");
  const flags = message.readUInt32LE(HEADER_SIZE);
  if ((flags & 0xffff & ~KNOWN_REQUIRED_BITS) !== 0) {
    throw new ProtocolError(`OP_MSG sets unknown required flag bits 0x${flags.toString(16)}`);
  }
  const end = flags & MsgFlags.checksumPresent ? verifyChecksum(message) : message.length;
  const reader = new BsonReader(message, HEADER_SIZE + 4, end, options);
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (reader.remaining > 0) {
    const kind = reader.uint8();
    if (kind === 0) {
      if (body) throw new ProtocolError("OP_MSG has more than one body section");
      body = reader.document();
    } else if (kind === 1) {
      sequences.push(readSequence(reader));
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError("OP_MSG has no body section");
  for (const [identifier, documents] of sequences) body[identifier] = documents;
  return { flags, body };
}

function verifyChecksum(message: Buffer): number {
  const end = message.length - 4;
  if (end < HEADER_SIZE + 4) throw new ProtocolError("OP_MSG too short for its checksum");
  if (crc32c(message.subarray(0, end)) !== message.readUInt32LE(end)) {
    throw new ProtocolError("OP_MSG checksum mismatch");
  }
  return end;
}

function readSequence(reader: BsonReader): [string, Document[]] {
  const start = reader.offset;
  const size = reader.int32();
  const end = start + size;
  if (size < 5 || size - 4 > reader.remaining) throw new ProtocolError(`document sequence size ${size} out of bounds`);
  const identifier = reader.cstring();
  const documents: Document[] = [];
  while (reader.offset < end) documents.push(reader.document());
  if (reader.offset !== end) throw new ProtocolError("document sequence overruns its size");
  return [identifier, documents];
}

/** Encodes a reply: flagBits 0 and one kind-0 section. */
export function encodeOpMsg(requestId: number, responseTo: number, body: Document): Buffer {
  const bson = asBuffer(serialize(body));
  const message = Buffer.allocUnsafe(HEADER_SIZE + 5 + bson.length);
  writeHeader(message, { messageLength: message.length, requestId, responseTo, opCode: OpCode.msg });
  message.writeUInt32LE(0, HEADER_SIZE);
  message.writeUInt8(0, HEADER_SIZE + 4);
  bson.copy(message, HEADER_SIZE + 5);
  return message;
}
