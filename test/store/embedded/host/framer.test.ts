import { describe, expect, it } from "vitest";
import { MessageFramer } from "../../../../src/store/embedded/wire/framer.js";
import { ProtocolError } from "../../../../src/store/embedded/wire/header.js";

function message(length: number, fill: number): Buffer {
  const buf = Buffer.alloc(length, fill);
  buf.writeInt32LE(length, 0);
  return buf;
}

describe("MessageFramer", () => {
  it("reassembles a message split across many chunks, even inside the length field", () => {
    const framer = new MessageFramer();
    const whole = message(40, 7);
    const pieces = [whole.subarray(0, 2), whole.subarray(2, 3), whole.subarray(3, 20), whole.subarray(20)];
    const out = pieces.flatMap((p) => framer.push(p));
    expect(out).toHaveLength(1);
    expect(out[0]?.equals(whole)).toBe(true);
  });

  it("splits several messages delivered in one chunk, keeping a partial third for later", () => {
    const framer = new MessageFramer();
    const [a, b, c] = [message(16, 1), message(30, 2), message(20, 3)];
    const first = framer.push(Buffer.concat([a, b, c.subarray(0, 5)]));
    expect(first.map((m) => m.length)).toEqual([16, 30]);
    const second = framer.push(c.subarray(5));
    expect(second[0]?.equals(c)).toBe(true);
  });

  it("rejects a length below the header size and an oversize length", () => {
    expect(() => new MessageFramer().push(message(16, 0).fill(0, 0, 4))).toThrow(ProtocolError);
    const huge = Buffer.alloc(16);
    huge.writeInt32LE(48_000_001, 0);
    expect(() => new MessageFramer().push(huge)).toThrow(/exceeds/);
  });
});
