/**
 * Runs `src/main.ts` as a real child process (as `npm start` does) on a given data directory, so
 * tests can kill it with SIGKILL and start it again.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./sampark.js";

export interface ChildApp {
  url: string;
  child: ChildProcess;
  /** Every JSON log line the process printed so far. */
  logs: Array<Record<string, unknown>>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

export async function startChildApp(env: Record<string, string>, timeoutMs = 30_000): Promise<ChildApp> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "info", MONGODB_URI: "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`app did not start in ${timeoutMs} ms\n${stderr}`)), timeoutMs);
    let buffer = "";
    child.stdout?.on("data", (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry["port"] === "number" && typeof entry["url"] === "string") {
          clearTimeout(timer);
          resolve(`http://127.0.0.1:${entry["port"]}`);
        }
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code} before it was up\n${stderr}`));
    });
  });
  return {
    url,
    child,
    logs,
    async kill(signal) {
      child.kill(signal);
      return exited;
    },
  };
}
