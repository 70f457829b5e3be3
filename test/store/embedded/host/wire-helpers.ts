import { BSON } from "bson";
import { crc32c } from "../../../../src/store/embedded/wire/crc32c.js";
import { HEADER_SIZE, OpCode } from "../../../../src/store/embedded/wire/header.js";
import { MsgFlags } from "../../../../src/store/embedded/wire/op-msg.js";

/** Hand-built wire messages, independent of the encoders under test. */
export function header(length: number, opCode: number, requestId = 9): Buffer {
  const buf = Buffer.alloc(HEADER_SIZE);
  buf.writeInt32LE(length, 0);
  buf.writeInt32LE(requestId, 4);
  buf.writeInt32LE(opCode, 12);
  return buf;
}

export function sequence(identifier: string, docs: object[]): Buffer {
  const payload = Buffer.concat([Buffer.from(`${identifier}\0`), ...docs.map((d) => BSON.serialize(d))]);
  const size = Buffer.alloc(4);
  size.writeInt32LE(payload.length + 4, 0);
  return Buffer.concat([Buffer.from([1]), size, payload]);
}

/** Builds an OP_MSG the way a driver does; appends a CRC-32C trailer when asked. */
export function opMsg(flags: number, sections: Buffer[]): Buffer {
  const flagBits = Buffer.alloc(4);
  flagBits.writeUInt32LE(flags, 0);
  const checksum = flags & MsgFlags.checksumPresent ? 4 : 0;
  const body = Buffer.concat([flagBits, ...sections]);
  const message = Buffer.concat([header(HEADER_SIZE + body.length + checksum, OpCode.msg), body]);
  if (!checksum) return message;
  const trailer = Buffer.alloc(4);
  trailer.writeUInt32LE(crc32c(message), 0);
  return Buffer.concat([message, trailer]);
}

export const kind0 = (doc: object): Buffer => Buffer.concat([Buffer.from([0]), BSON.serialize(doc)]);

