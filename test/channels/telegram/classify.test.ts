/** Classification of real grammY errors that the contract suite does not produce. */
import { createServer } from "node:net";
import { Api } from "grammy";
import { describe, expect, it } from "vitest";
import { classifyTelegramError } from "../../../src/channels/telegram/classify.js";

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("classifyTelegramError", () => {
  it("treats a refused connection (Bot API server down) as transient", async () => {
    const api = new Api("1:x", { apiRoot: `http://127.0.0.1:${await closedPort()}` });
    const error = await api.sendMessage(1, "x").catch((e: unknown) => e);
    expect(classifyTelegramError(error)).toEqual({ kind: "transient" });
  });

  it("treats anything that is not a grammY error as our bug: invalid, not retried", () => {
    expect(classifyTelegramError(new TypeError("cannot read properties of undefined"))).toEqual({ kind: "invalid" });
  });
});
