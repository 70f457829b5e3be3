import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../../../src/store/embedded/journal/group-commit.js";

/** A flush that takes `ms` like an fsync and records each batch's size. */
function slowFlush(ms: number, sizes: number[]) {
  return (chunks: Buffer[]): Promise<void> =>
    new Promise((resolve) => {
      sizes.push(chunks.length);
      setTimeout(resolve, ms);
    });
}

const chunk = Buffer.from("x");

describe("GroupCommit", () => {
  it("gathers the commits of staggered concurrent clients into full batches", async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit(slowFlush(3, sizes));
    // A network round trip, shorter than a flush: a few turns of the event loop.
    const roundTrip = async (turns: number): Promise<void> => {
      for (let i = 0; i < turns; i++) await new Promise((resolve) => setImmediate(resolve));
    };
    const client = async (k: number): Promise<void> => {
      await roundTrip(k); // clients start at different times, as they do on a server
      for (let i = 0; i < 20; i++) {
        await commits.append([chunk]);
        await roundTrip(1 + (k % 3));
      }
    };
    await Promise.all(Array.from({ length: 16 }, (_, k) => client(k)));
    expect(sizes.reduce((a, b) => a + b)).toBe(320);
    // Without gathering these clients settle into batches of 1 and 15 (8 on average).
    expect(320 / sizes.length).toBeGreaterThan(10);
  });

  it("flushes a lone client's commits one by one, in order", async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit(slowFlush(1, sizes));
    for (let i = 0; i < 5; i++) await commits.append([chunk, chunk]);
    expect(sizes).toEqual([2, 2, 2, 2, 2]);
  });

  it("makes barrier() wait for queued and in-flight batches and sync() flush even when empty", async () => {
    const sizes: number[] = [];
    const commits = new GroupCommit(slowFlush(5, sizes));
    let durable = false;
    void commits.append([chunk]).then(() => (durable = true));
    await commits.barrier();
    expect(durable).toBe(true);
    await commits.sync();
    expect(sizes).toEqual([1, 0]);
  });

  it("refuses every later commit once a flush has failed", async () => {
    let calls = 0;
    const commits = new GroupCommit(async () => {
      calls += 1;
      throw new Error("disk full");
    });
    await expect(commits.append([chunk])).rejects.toThrow("disk full");
    await expect(commits.append([chunk])).rejects.toThrow("disk full");
    await expect(commits.barrier()).rejects.toThrow("disk full");
    expect(calls).toBe(1);
  });
});
