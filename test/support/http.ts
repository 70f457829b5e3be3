/** Serves an express app on an ephemeral loopback port for one test and closes it afterwards. */
import type { Express } from "express";
import { listen, type RunningServer } from "../../src/http/serve.js";

export async function withServer<T>(app: Express, use: (baseUrl: string) => Promise<T>): Promise<T> {
  const running: RunningServer = await listen(app, 0, "127.0.0.1");
  try {
    return await use(`http://127.0.0.1:${running.port}`);
  } finally {
    await running.close(1_000);
  }
}
