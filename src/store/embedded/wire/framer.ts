import { HEADER_SIZE, MAX_MESSAGE_SIZE, ProtocolError } from "./header.js";

/**
 * Cuts a TCP byte stream into whole wire messages. TCP delivers arbitrary chunks: one message may
 * span several chunks and one chunk may hold several messages. Pure: no sockets involved.
 */
export class MessageFramer {
  private chunks: Buffer[] = [];
  private buffered = 0;

  /** Adds a chunk and returns every message it completes. Throws ProtocolError on a bad length. */
  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const messages: Buffer[] = [];
    for (;;) {
      const length = this.nextLength();
      if (length === undefined || this.buffered < length) return messages;
      messages.push(this.take(length));
    }
  }

  private nextLength(): number | undefined {
    if (this.buffered < 4) return undefined;
    const head = this.peek(4);
    const length = head.readInt32LE(0);
    if (length < HEADER_SIZE) throw new ProtocolError(`message length ${length} is below the header size`);
    if (length > MAX_MESSAGE_SIZE) throw new ProtocolError(`message length ${length} exceeds ${MAX_MESSAGE_SIZE}`);
    return length;
  }

  private peek(n: number): Buffer {
    const first = this.chunks[0];
    if (first && first.length >= n) return first;
    this.chunks = [Buffer.concat(this.chunks)];
    return this.chunks[0] as Buffer;
  }

  private take(n: number): Buffer {
    const all = this.peek(n);
    const message = all.subarray(0, n);
    const rest = all.subarray(n);
    this.chunks = rest.length > 0 ? [rest] : [];
    this.buffered -= n;
    return message;
  }
}
