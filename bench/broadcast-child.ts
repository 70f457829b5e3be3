/**
 * The separate processes of `npm run bench:broadcast`, talking to the parent over IPC:
 *   fake <limitPerSecond>  — the fake Bot API enforcing that global limit (and 1/s per chat);
 *                            answers `stats` with what it delivered, counted per chat.
 *   sender <json>          — the real outbox sender + grammY adapter against the store and fake;
 *                            reports its peak RSS every second (so a `kill -9` loses at most 1 s
 *                            of it) and stops cleanly on `stop`.
 * Separate processes so the sender can be killed, and so the fake does not share its CPU.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";
import { pino } from "pino";
import { createTelegramChannel } from "../src/channels/telegram/telegram-channel.js";
import type { SendPolicy } from "../src/jobs/sender/policy.js";
import { createOutboxSender } from "../src/jobs/sender/sender.js";
import { runtimeModels } from "../src/store/models/runtime-models.js";
import { startFakeBotApi } from "../test/fakes/telegram-bot-api.js";

export interface SenderChildConfig {
  mongoUri: string;
  apiRoot: string;
  token: string;
  owner: string;
  policy: SendPolicy;
  batchSize: number;
  maxInFlight: number;
  rowLeaseMs: number;
  identityLeaseMs: number;
}

export interface FakeStats {
  /** Successful sends (HTTP 200). */
  delivered: number;
  /** Distinct chats among `[firstChat, firstChat + chats)` that got at least one message. */
  reached: number;
  /** Messages beyond the first per chat. */
  duplicates: number;
  refused429: number;
  firstAt: number;
  lastAt: number;
}

const send = (message: unknown) => process.send?.(message);
const maxRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);
/** CPU seconds (user + system) this process has used. */
export const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return Math.round((user + system) / 1e5) / 10;
};

async function runFake(limitPerSecond: number): Promise<void> {
  const api = await startFakeBotApi({ limits: { globalPerSecond: limitPerSecond } });
  process.on("message", (m: { type: string; firstChat: number; chats: number }) => {
    if (m.type !== "stats") return;
    const sent = api.sent("sendMessage");
    const perChat = new Map<number, number>();
    for (const c of sent) {
      const chat = Number(c.params["chat_id"]);
      perChat.set(chat, (perChat.get(chat) ?? 0) + 1);
    }
    let reached = 0;
    for (let chat = m.firstChat; chat < m.firstChat + m.chats; chat++) if (perChat.has(chat)) reached++;
    const stats: FakeStats = {
      delivered: sent.length,
      reached,
      duplicates: sent.length - perChat.size,
      refused429: api.calls("sendMessage").filter((c) => c.status === 429).length,
      firstAt: sent[0]?.at ?? 0,
      lastAt: sent.at(-1)?.at ?? 0,
    };
    send({ type: "stats", stats, maxRssMb: maxRssMb(), cpu: cpuSeconds() });
  });
  send({ type: "ready", url: api.url, token: api.token });
}

async function runSender(config: SenderChildConfig): Promise<void> {
  const connection = await mongoose.createConnection(`${config.mongoUri}/bench-broadcast`, { maxPoolSize: 16 }).asPromise();
  const models = runtimeModels(connection);
  const log = pino({ level: "warn" }, pino.destination(2));
  const channel = createTelegramChannel({ token: config.token, apiRoot: config.apiRoot, mode: "webhook", sendTimeoutSeconds: 10, log });
  const sender = createOutboxSender({
    models, channel, policy: config.policy, owner: config.owner, now: () => new Date(), random: Math.random, log,
    batchSize: config.batchSize, maxInFlight: config.maxInFlight, rowLeaseMs: config.rowLeaseMs, identityLeaseMs: config.identityLeaseMs, idleMs: 200,
  });
  sender.start();
  const timer = setInterval(() => send({ type: "rss", maxRssMb: maxRssMb() }), 1000);
  process.on("message", (m: { type: string }) => {
    if (m.type !== "stop") return;
    clearInterval(timer);
    void sender.stop().then(async () => {
      await connection.close();
      send({ type: "stopped", maxRssMb: maxRssMb(), cpu: cpuSeconds() });
      process.exit(0);
    });
  });
  send({ type: "ready" });
}

// ---- parent side ----

export interface Fake {
  url: string;
  token: string;
  stats(firstChat: number, chats: number): Promise<FakeStats>;
  maxRssMb(): number;
  cpuSeconds(): number;
  stop(): Promise<void>;
}

export interface SenderProcess {
  /** Asks the sender to finish in-flight calls and stop; resolves with its peak RSS (MB) and CPU seconds. */
  stop(): Promise<{ maxRssMb: number; cpu: number }>;
  /** `kill -9`. */
  kill(): void;
}

const SELF = fileURLToPath(import.meta.url);

function spawn(args: string[]): ChildProcess {
  return fork(SELF, args, { execArgv: ["--import", "tsx", ...(process.env["BENCH_CPU_PROF"] && args[0] === "sender" ? ["--cpu-prof", "--cpu-prof-dir=/tmp/bprof"] : [])], stdio: ["ignore", "inherit", "inherit", "ipc"] });
}

function next<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off("message", onMessage).off("exit", onExit);
      resolve(m as T);
    };
    const onExit = (code: number | null) => reject(new Error(`child exited (${code}) before '${type}'`));
    child.on("message", onMessage).once("exit", onExit);
  });
}

export async function startFake(limitPerSecond: number): Promise<Fake> {
  const child = spawn(["fake", String(limitPerSecond)]);
  const { url, token } = await next<{ url: string; token: string }>(child, "ready");
  let rss = 0;
  let cpu = 0;
  return {
    url,
    token,
    async stats(firstChat, chats) {
      const reply = next<{ stats: FakeStats; maxRssMb: number; cpu: number }>(child, "stats");
      child.send({ type: "stats", firstChat, chats });
      const { stats, maxRssMb } = await reply;
      rss = maxRssMb;
      cpu = (await reply).cpu;
      return stats;
    },
    maxRssMb: () => rss,
    cpuSeconds: () => cpu,
    stop: () => new Promise((resolve) => child.once("exit", () => resolve()).kill("SIGTERM")),
  };
}

export async function startSender(config: SenderChildConfig): Promise<SenderProcess> {
  const child = spawn(["sender", JSON.stringify(config)]);
  await next(child, "ready");
  return {
    async stop() {
      const stopped = next<{ maxRssMb: number; cpu: number }>(child, "stopped");
      child.send({ type: "stop" });
      return stopped;
    },
    kill: () => void child.kill("SIGKILL"),
  };
}

const [role, arg] = process.argv.slice(2);
if (process.argv[1] === SELF && role === "fake") await runFake(Number(arg));
if (process.argv[1] === SELF && role === "sender") await runSender(JSON.parse(arg ?? "{}") as SenderChildConfig);
