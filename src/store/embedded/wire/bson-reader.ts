import { deserialize, type DeserializeOptions } from "bson";
import type { Document } from "../contract.js";
import { ProtocolError } from "./header.js";

/** Reads BSON documents and C strings out of a message, bounds-checked against `end`. */
export class BsonReader {
  constructor(
    private readonly buf: Buffer,
    public offset: number,
    private readonly end: number,
    private readonly options: DeserializeOptions,
  ) {}

  get remaining(): number {
    return this.end - this.offset;
  }

  int32(): number {
    this.need(4, "int32");
    const value = this.buf.readInt32LE(this.offset);
    this.offset += 4;
    return value;
  }

  uint8(): number {
    this.need(1, "byte");
    return this.buf.readUInt8(this.offset++);
  }

  cstring(): string {
    const nul = this.buf.indexOf(0, this.offset);
    if (nul < 0 || nul >= this.end) throw new ProtocolError("unterminated C string");
    const value = this.buf.toString("utf8", this.offset, nul);
    this.offset = nul + 1;
    return value;
  }

  document(): Document {
    this.need(5, "BSON document");
    const size = this.buf.readInt32LE(this.offset);
    if (size < 5 || size > this.remaining) throw new ProtocolError(`BSON document size ${size} out of bounds`);
    const bytes = this.buf.subarray(this.offset, this.offset + size);
    this.offset += size;
    try {
      return deserialize(bytes, this.options) as Document;
    } catch (error) {
      throw new ProtocolError(`undecodable BSON: ${(error as Error).message}`);
    }
  }

  private need(n: number, what: string): void {
    if (this.remaining < n) throw new ProtocolError(`truncated message reading ${what}`);
  }
}
