import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startChildApp, type ChildApp } from "../support/child-app.js";

interface Reply {
  seq: number;
  text: string;
  choices?: { id: string; label: string }[];
}

async function say(app: ChildApp, body: Record<string, unknown>): Promise<void> {
  const res = await fetch(`${app.url}/api/chat/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ contact: { id: "ravi", name: "Ravi" }, ...body }),
  });
  expect(res.status).toBe(200);
}

async function replies(app: ChildApp, after: number): Promise<Reply[]> {
  const res = await fetch(`${app.url}/api/chat/contacts/ravi/messages?after=${after}&wait=5`);
  return ((await res.json()) as { messages: Reply[] }).messages;
}

describe("npm start as a real process", () => {
  let dataDir = "";
  const apps: ChildApp[] = [];
  afterAll(async () => {
    for (const app of apps) if (app.child.exitCode === null) await app.kill("SIGKILL");
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("logs the embedded store and its URL, and is ready within 5 s of saying so", async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), "sampark-e2e-"));
    const app = await startChildApp({ DATA_DIR: dataDir });
    apps.push(app);
    expect(app.logs.some((l) => l["store"] === "embedded" && String(l["msg"]).includes("not production"))).toBe(true);
    const started = Date.now();
    let status = 0;
    while (Date.now() - started < 5_000 && status !== 200) {
      status = (await fetch(`${app.url}/readyz`)).status;
    }
    expect(status).toBe(200);
  });

  it("continues the waiting question after kill -9 and a restart", async () => {
    const first = apps[0]!;
    await say(first, { text: "नमस्ते" });
    const [question] = await replies(first, 0);
    expect(question?.choices?.map((c) => c.id)).toEqual(["hi", "en"]);

    expect(await first.kill("SIGKILL")).toBe(null);
    const second = await startChildApp({ DATA_DIR: dataDir });
    apps.push(second);

    await say(second, { choice: "en" });
    const next = await replies(second, question!.seq);
    expect(next.length).toBeGreaterThan(0);
    // The answer was taken as the language choice: the bot now speaks English and offers the menu.
    expect(next.map((r) => r.text).join("\n")).toMatch(/Welcome/);
    expect(next.at(-1)?.choices?.map((c) => c.id)).toContain("help");
  });

  it("drains and exits cleanly on SIGTERM", async () => {
    const app = apps[1]!;
    expect(await app.kill("SIGTERM")).toBe(0);
    expect(app.logs.some((l) => l["msg"] === "shutdown complete")).toBe(true);
  });
});
