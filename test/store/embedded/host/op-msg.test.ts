import { BSON, Long } from "bson";
import { describe, expect, it } from "vitest";
import { crc32c } from "../../../../src/store/embedded/wire/crc32c.js";
import { HEADER_SIZE, OpCode, ProtocolError, readHeader } from "../../../../src/store/embedded/wire/header.js";
import { header, kind0, opMsg, sequence } from "./wire-helpers.js";
import { decodeOpMsg, encodeOpMsg, MsgFlags } from "../../../../src/store/embedded/wire/op-msg.js";
import { decodeRequest, refuseLegacyQuery } from "../../../../src/store/embedded/wire/request.js";
import { decodeOpQuery, encodeOpReply } from "../../../../src/store/embedded/wire/op-query.js";

const OPTIONS = { promoteLongs: false };

describe("OP_MSG", () => {
  it("merges kind-1 document sequences into the body under their identifiers", () => {
    const msg = opMsg(0, [kind0({ insert: "c", $db: "d" }), sequence("documents", [{ a: 1 }, { a: 2 }])]);
    const { body } = decodeOpMsg(msg, OPTIONS);
    expect(body).toEqual({ insert: "c", $db: "d", documents: [{ a: 1 }, { a: 2 }] });
  });

  it("verifies a CRC-32C trailer and rejects a wrong one", () => {
    const msg = opMsg(MsgFlags.checksumPresent, [kind0({ ping: 1, $db: "admin" })]);
    expect(decodeOpMsg(msg, OPTIONS).body).toEqual({ ping: 1, $db: "admin" });
    msg.writeUInt8(msg.at(-1)! ^ 0xff, msg.length - 1);
    expect(() => decodeOpMsg(msg, OPTIONS)).toThrow(/checksum/);
  });

  it("matches the CRC-32C check value", () => {
    expect(crc32c(Buffer.from("123456789"))).toBe(0xe3069283);
  });

  it("reports moreToCome and rejects unknown required flag bits", () => {
    const more = opMsg(MsgFlags.moreToCome, [kind0({ insert: "c", $db: "d" })]);
    expect(decodeRequest(more, OPTIONS)).toMatchObject({ kind: "msg", moreToCome: true, requestId: 9 });
    expect(() => decodeOpMsg(opMsg(1 << 5, [kind0({ ping: 1 })]), OPTIONS)).toThrow(/flag bits/);
    expect(decodeOpMsg(opMsg(MsgFlags.exhaustAllowed, [kind0({ ping: 1 })]), OPTIONS).body).toEqual({ ping: 1 });
  });

  it("rejects undecodable BSON, a missing body and an unknown section kind", () => {
    const bad = Buffer.concat([Buffer.from([0]), Buffer.from([12, 0, 0, 0, 0x7f, 0x61, 0, 1, 2, 3, 4, 0])]);
    expect(() => decodeOpMsg(opMsg(0, [bad]), OPTIONS)).toThrow(ProtocolError);
    expect(() => decodeOpMsg(opMsg(0, [sequence("documents", [])]), OPTIONS)).toThrow(/no body/);
    expect(() => decodeOpMsg(opMsg(0, [Buffer.from([7])]), OPTIONS)).toThrow(/section kind/);
  });

  it("keeps BSON numeric types with the engine's options and encodes a reply to the request id", () => {
    const msg = opMsg(0, [kind0({ n: Long.fromNumber(5), $db: "d" })]);
    expect(decodeOpMsg(msg, OPTIONS).body.n).toBeInstanceOf(Long);
    const reply = encodeOpMsg(77, 9, { ok: 1 });
    expect(readHeader(reply)).toEqual({ messageLength: reply.length, requestId: 77, responseTo: 9, opCode: OpCode.msg });
    expect(decodeOpMsg(reply, OPTIONS).body).toEqual({ ok: 1 });
  });

  it("refuses OP_COMPRESSED and unknown opcodes", () => {
    expect(() => decodeRequest(header(16, OpCode.compressed), OPTIONS)).toThrow(/OP_COMPRESSED/);
    expect(() => decodeRequest(header(16, 4242), OPTIONS)).toThrow(/opcode 4242/);
  });
});

describe("OP_QUERY / OP_REPLY", () => {
  function opQuery(ns: string, query: object): Buffer {
    const fixed = Buffer.alloc(4);
    const counts = Buffer.alloc(8);
    const body = Buffer.concat([fixed, Buffer.from(`${ns}\0`), counts, BSON.serialize(query)]);
    return Buffer.concat([header(HEADER_SIZE + body.length, OpCode.query), body]);
  }

  it("decodes a legacy hello, unwrapping $query, and allows only handshakes on admin.$cmd", () => {
    const request = decodeOpQuery(opQuery("admin.$cmd", { $query: { isMaster: 1, helloOk: true } }), OPTIONS);
    expect(request).toEqual({ fullCollectionName: "admin.$cmd", query: { isMaster: 1, helloOk: true } });
    expect(refuseLegacyQuery({ fullCollectionName: "admin.$cmd", body: request.query })).toBeUndefined();
    expect(refuseLegacyQuery({ fullCollectionName: "admin.$cmd", body: { find: "x" } })).toMatch(/Unsupported OP_QUERY/);
    expect(refuseLegacyQuery({ fullCollectionName: "app.users", body: { hello: 1 } })).toMatch(/Unsupported/);
  });

  it("encodes an OP_REPLY with one document", () => {
    const reply = encodeOpReply(3, 9, { ismaster: true });
    expect(readHeader(reply)).toMatchObject({ responseTo: 9, opCode: OpCode.reply });
    expect(reply.readInt32LE(HEADER_SIZE + 16)).toBe(1);
    expect(BSON.deserialize(reply.subarray(HEADER_SIZE + 20))).toEqual({ ismaster: true });
  });
});
