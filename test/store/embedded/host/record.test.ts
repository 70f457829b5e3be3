import { BSON, Decimal128, Long } from "bson";
import { describe, expect, it } from "vitest";
import type { Mutation } from "../../../../src/store/embedded/contract.js";
import { ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";
import {
  CorruptRecordError, decodeMutations, encodeMutations, encodeRecord, RECORD_HEADER_SIZE, scanRecords,
} from "../../../../src/store/embedded/journal/record.js";

const OPTIONS = ENGINE_BSON_OPTIONS;
const m = (i: number): Mutation => ({ op: "insert", db: "d", coll: "c", doc: { _id: i, big: Long.fromString("9007199254740993"), price: Decimal128.fromString("1.10") } });

function journalOf(...batches: Mutation[][]): Buffer {
  return Buffer.concat(batches.map((b) => encodeRecord(encodeMutations(b))));
}

describe("journal records", () => {
  it("round-trips batches of mutations, keeping Long and Decimal128", () => {
    const file = journalOf([m(1), m(2)], [{ op: "delete", db: "d", coll: "c", id: 1 }]);
    const { records, torn, validEnd } = scanRecords(file);
    expect(torn).toBeUndefined();
    expect(validEnd).toBe(file.length);
    const decoded = records.flatMap((r) => decodeMutations(r.payload, OPTIONS));
    expect(decoded.map((x) => x.op)).toEqual(["insert", "insert", "delete"]);
    const doc = (decoded[0] as { doc: Record<string, unknown> }).doc;
    expect(doc.big).toEqual(Long.fromString("9007199254740993"));
    expect(String(doc.price)).toBe("1.10");
    expect(records[1]?.offset).toBe(encodeRecord(encodeMutations([m(1), m(2)])).length);
  });

  it("reports a record cut short at EOF as torn, keeping the records before it", () => {
    const whole = journalOf([m(1)], [m(2)]);
    const firstEnd = encodeRecord(encodeMutations([m(1)])).length;
    for (const cut of [firstEnd + 5, firstEnd + RECORD_HEADER_SIZE + 3, whole.length - 1]) {
      const result = scanRecords(whole.subarray(0, cut));
      expect(result.records).toHaveLength(1);
      expect(result.torn?.offset).toBe(firstEnd);
      expect(result.validEnd).toBe(firstEnd);
    }
  });

  it("treats a zero-filled tail and a last record with a bad checksum as torn", () => {
    const good = journalOf([m(1)]);
    expect(scanRecords(Buffer.concat([good, Buffer.alloc(4096)])).torn?.reason).toMatch(/header checksum/);
    const last = journalOf([m(1)], [m(2)]);
    last.writeUInt8(last.at(-2)! ^ 0x55, last.length - 2);
    expect(scanRecords(last).torn?.reason).toMatch(/payload checksum/);
  });

  it("throws CorruptRecordError with the offset for damage before the last record", () => {
    const file = journalOf([m(1)], [m(2)], [m(3)]);
    const second = encodeRecord(encodeMutations([m(1)])).length;
    const payloadByte = Buffer.from(file);
    payloadByte.writeUInt8(payloadByte[second + RECORD_HEADER_SIZE + 10]! ^ 1, second + RECORD_HEADER_SIZE + 10);
    expect(() => scanRecords(payloadByte)).toThrow(CorruptRecordError);
    try {
      scanRecords(payloadByte);
    } catch (error) {
      expect((error as CorruptRecordError).offset).toBe(second);
    }
    const garbageLength = Buffer.from(file);
    garbageLength.writeUInt32LE(0x7fffffff, second);
    expect(() => scanRecords(garbageLength)).toThrow(/header checksum at byte offset/);
  });

  it("rejects an unknown mutation op in a payload that passes its checksum", () => {
    const payload = Buffer.from(BSON.serialize({ op: "explode" }));
    expect(() => decodeMutations(payload, OPTIONS)).toThrow(/unknown mutation op/);
  });
});
