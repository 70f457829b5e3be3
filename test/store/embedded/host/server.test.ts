import { connect as connectSocket, type Socket } from "node:net";
import mongoose, { Schema } from "mongoose";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startServer, type EmbeddedServer } from "../../../../src/store/embedded/server.js";
import type { LogLevel } from "../../../../src/store/embedded/log.js";
import { OpCode } from "../../../../src/store/embedded/wire/header.js";
import { MsgFlags } from "../../../../src/store/embedded/wire/op-msg.js";
import { header, kind0, opMsg } from "./wire-helpers.js";
import { createEngine, ENGINE_BSON_OPTIONS } from "../../../../src/store/embedded/engine/index.js";

let server: EmbeddedServer;
let conn: mongoose.Connection;
let Thing: ReturnType<typeof thingModel>;
const thingModel = (c: mongoose.Connection) => c.model("Thing", new Schema<{ n: number }>({ n: Number }));
let logs: Array<{ level: LogLevel; msg: string; fields?: Record<string, unknown> }>;

beforeEach(async () => {
  logs = [];
  server = await startServer({
    engine: createEngine(), bsonOptions: ENGINE_BSON_OPTIONS, log: (level, msg, fields) => logs.push({ level, msg, fields }),
  });
  conn = await mongoose.createConnection(`mongodb://127.0.0.1:${server.port}/host`, { serverSelectionTimeoutMS: 2_000 }).asPromise();
  Thing = thingModel(conn);
});
afterEach(async () => {
  await conn.close();
  await server.close();
});

function rawSocket(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocket(server.port, "127.0.0.1", () => resolve(socket)).on("error", reject);
  });
}

/** Collects what the server sends until it closes the socket (or until `timeoutMs`). */
function untilClosed(socket: Socket, timeoutMs = 2_000): Promise<{ closed: boolean; bytes: Buffer }> {
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ closed: false, bytes: Buffer.concat(chunks) }), timeoutMs);
    socket.on("close", () => {
      clearTimeout(timer);
      resolve({ closed: true, bytes: Buffer.concat(chunks) });
    });
  });
}

/** The mongoose connection opened before the bad client still reads and writes. */
async function stillServes(): Promise<void> {
  await Thing.create({ n: 1 });
  expect(await Thing.countDocuments({ n: 1 })).toBeGreaterThan(0);
}

describe("embedded server: wire robustness", () => {
  const cases: Array<[string, () => Buffer, RegExp]> = [
    ["garbage bytes", () => Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"), /exceeds|below/],
    ["an oversize length", () => header(48_000_001, OpCode.msg), /exceeds 48000000/],
    ["a length below 16", () => header(12, OpCode.msg), /below the header size/],
    ["an unknown opcode", () => header(16, 4242), /unsupported opcode 4242/],
    ["OP_COMPRESSED", () => Buffer.concat([header(25, OpCode.compressed), Buffer.alloc(9)]), /OP_COMPRESSED/],
    ["undecodable BSON", () => opMsg(0, [Buffer.from([0, 9, 0, 0, 0, 0x13, 0x61, 0, 0, 0])]), /undecodable BSON|out of bounds/],
  ];

  it.each(cases)("closes a socket that sends %s, logs why, and keeps serving others", async (_name, bytes, reason) => {
    const socket = await rawSocket();
    const outcome = untilClosed(socket);
    socket.write(bytes());
    expect((await outcome).closed).toBe(true);
    const line = logs.find((l) => l.level === "warn" && l.msg.includes("protocol error"));
    expect(String(line?.fields?.reason)).toMatch(reason);
    await stillServes();
  });

  it("answers two OP_MSGs sent in one chunk and one sent a byte at a time", async () => {
    const socket = await rawSocket();
    const ping = (id: number): Buffer => {
      const msg = opMsg(0, [kind0({ ping: 1, $db: "admin" })]);
      msg.writeInt32LE(id, 4);
      return msg;
    };
    const replies: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => replies.push(chunk));
    socket.write(Buffer.concat([ping(101), ping(102)]));
    for (const byte of ping(103)) socket.write(Buffer.from([byte]));
    await expect.poll(() => Buffer.concat(replies).length, { timeout: 2_000 }).toBeGreaterThanOrEqual(3 * 29);
    const all = Buffer.concat(replies);
    const responseTos = [0, 1, 2].map((i) => all.readInt32LE(i * all.readInt32LE(0) + 8));
    expect(responseTos.sort()).toEqual([101, 102, 103]);
    socket.destroy();
  });

  it("runs a moreToCome command without replying", async () => {
    const socket = await rawSocket();
    const outcome = untilClosed(socket, 300);
    const insert = opMsg(MsgFlags.moreToCome, [kind0({ insert: "quiet", documents: [{ _id: 1 }], $db: "host" })]);
    socket.write(insert);
    const { closed, bytes } = await outcome;
    expect(closed).toBe(false);
    expect(bytes.length).toBe(0);
    await expect.poll(() => conn.db?.collection("quiet").find().toArray()).toEqual([{ _id: 1 }]);
    socket.destroy();
  });
});
