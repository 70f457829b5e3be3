/** MongoDB wire-protocol message header: four little-endian int32s (16 bytes). */
export const HEADER_SIZE = 16;
/** The largest message we accept; matches the `maxMessageSizeBytes` real servers advertise. */
export const MAX_MESSAGE_SIZE = 48_000_000;

export const OpCode = {
  reply: 1,
  query: 2004,
  compressed: 2012,
  msg: 2013,
} as const;

export interface MessageHeader {
  messageLength: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export function readHeader(buf: Buffer): MessageHeader {
  return {
    messageLength: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

export function writeHeader(buf: Buffer, header: MessageHeader): void {
  buf.writeInt32LE(header.messageLength, 0);
  buf.writeInt32LE(header.requestId, 4);
  buf.writeInt32LE(header.responseTo, 8);
  buf.writeInt32LE(header.opCode, 12);
}

/** Thrown for anything that makes a connection's byte stream untrustworthy; the host closes it. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";
}
