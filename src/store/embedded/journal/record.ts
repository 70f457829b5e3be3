import { crc32 } from "node:zlib";
import { deserialize, serialize, type DeserializeOptions } from "bson";
import type { Mutation } from "../contract.js";
import { asBuffer } from "../wire/buffers.js";

/**
 * A record is `u32 payloadLength | u32 crc32(payload) | u32 crc32(first 8 bytes) | payload`, all
 * little-endian. The header has its own checksum so a garbage length is told apart from a payload
 * cut short by a crash. Pure: no file I/O in this module.
 */
export const RECORD_HEADER_SIZE = 12;

export function encodeRecord(chunks: readonly Buffer[]): Buffer {
  const payloadLength = chunks.reduce((n, c) => n + c.length, 0);
  const record = Buffer.allocUnsafe(RECORD_HEADER_SIZE + payloadLength);
  let offset = RECORD_HEADER_SIZE;
  let payloadCrc = 0;
  for (const chunk of chunks) {
    chunk.copy(record, offset);
    offset += chunk.length;
    payloadCrc = crc32(chunk, payloadCrc);
  }
  record.writeUInt32LE(payloadLength, 0);
  record.writeUInt32LE(payloadCrc, 4);
  record.writeUInt32LE(crc32(record.subarray(0, 8)), 8);
  return record;
}

export interface TornTail {
  offset: number;
  reason: string;
}

export interface RecordSlice {
  /** Where the record starts in the file. */
  offset: number;
  payload: Buffer;
}

export interface ScanResult {
  records: RecordSlice[];
  /** Where the last good record ends: the file is cut here when `torn` is set. */
  validEnd: number;
  torn?: TornTail;
}

/** Damage that a crash cannot explain. `offset` is where the bad record starts. */
export class CorruptRecordError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${reason} at byte offset ${offset}`);
  }
}

/**
 * Splits a file's bytes into record payloads. Only the last record can be torn (one record is
 * written per group commit and fsync'ed before the next is written), so damage at the end is
 * reported as `torn` and damage before the end throws CorruptRecordError.
 */
export function scanRecords(buf: Buffer): ScanResult {
  const records: RecordSlice[] = [];
  let offset = 0;
  while (offset < buf.length) {
    const problem = checkRecord(buf, offset);
    if (problem === undefined) {
      const length = buf.readUInt32LE(offset);
      records.push({ offset, payload: buf.subarray(offset + RECORD_HEADER_SIZE, offset + RECORD_HEADER_SIZE + length) });
      offset += RECORD_HEADER_SIZE + length;
    } else if (problem.torn) {
      return { records, validEnd: offset, torn: { offset, reason: problem.reason } };
    } else {
      throw new CorruptRecordError(offset, problem.reason);
    }
  }
  return { records, validEnd: offset };
}

function checkRecord(buf: Buffer, offset: number): { torn: boolean; reason: string } | undefined {
  const left = buf.length - offset;
  if (left < RECORD_HEADER_SIZE) return { torn: true, reason: "short record header" };
  if (crc32(buf.subarray(offset, offset + 8)) !== buf.readUInt32LE(offset + 8)) {
    // A crash can leave zero-filled blocks at the end of a file, never in its middle.
    return { torn: isAllZero(buf.subarray(offset)), reason: "bad record header checksum" };
  }
  const end = offset + RECORD_HEADER_SIZE + buf.readUInt32LE(offset);
  if (end > buf.length) return { torn: true, reason: "truncated record payload" };
  if (crc32(buf.subarray(offset + RECORD_HEADER_SIZE, end)) !== buf.readUInt32LE(offset + 4)) {
    return { torn: end === buf.length, reason: "bad record payload checksum" };
  }
  return undefined;
}

function isAllZero(buf: Buffer): boolean {
  for (const byte of buf) if (byte !== 0) return false;
  return true;
}

/** A payload is a run of BSON documents, one per mutation. */
export function encodeMutations(mutations: readonly Mutation[]): Buffer[] {
  return mutations.map((m) => asBuffer(serialize(m)));
}

export function decodeDocuments(payload: Buffer, options: DeserializeOptions): Record<string, unknown>[] {
  const docs: Record<string, unknown>[] = [];
  let offset = 0;
  while (offset < payload.length) {
    const size = offset + 4 <= payload.length ? payload.readInt32LE(offset) : -1;
    if (size < 5 || offset + size > payload.length) throw new Error(`bad BSON document size ${size} in payload`);
    docs.push(deserialize(payload.subarray(offset, offset + size), options));
    offset += size;
  }
  return docs;
}

const MUTATION_OPS = new Set<Mutation["op"]>([
  "insert", "replace", "delete", "createCollection", "dropCollection", "dropDatabase", "createIndex", "dropIndex",
]);

export function decodeMutations(payload: Buffer, options: DeserializeOptions): Mutation[] {
  return decodeDocuments(payload, options).map((doc) => {
    if (!MUTATION_OPS.has(doc.op as Mutation["op"])) throw new Error(`unknown mutation op ${String(doc.op)}`);
    return doc as Mutation;
  });
}
