import { describe, expect, it } from "vitest";
import { KeyedQueue } from "../../src/runtime/keyed-queue.js";

const tick = () => new Promise((r) => setTimeout(r, 5));

/** Tasks that log when they start and end, to observe interleaving. */
function recorder() {
  const seen: string[] = [];
  const task = (name: string) => async () => {
    seen.push(`${name}:start`);
    await tick();
    seen.push(`${name}:end`);
  };
  return { seen, task };
}

describe("KeyedQueue", () => {
  it("runs tasks of one key one after another, in submission order", async () => {
    const queue = new KeyedQueue();
    const { seen, task } = recorder();
    await Promise.all([queue.run("a", task("1")), queue.run("a", task("2")), queue.run("a", task("3"))]);
    expect(seen).toEqual(["1:start", "1:end", "2:start", "2:end", "3:start", "3:end"]);
  });

  it("lets different keys run concurrently", async () => {
    const queue = new KeyedQueue();
    const { seen, task } = recorder();
    await Promise.all([queue.run("a", task("a")), queue.run("b", task("b"))]);
    expect(seen.slice(0, 2).sort()).toEqual(["a:start", "b:start"]);
  });

  it("keeps going after a task fails, and reports the failure to its caller", async () => {
    const queue = new KeyedQueue();
    const failing = queue.run("a", async () => {
      throw new Error("boom");
    });
    const next = queue.run("a", async () => "ok");
    await expect(failing).rejects.toThrow("boom");
    await expect(next).resolves.toBe("ok");
    await queue.idle();
  });
});
