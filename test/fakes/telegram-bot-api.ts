/**
 * A fake Telegram Bot API server for tests and benches: real HTTP on 127.0.0.1, the real URL shape
 * `/bot<token>/<method>`, JSON/form/multipart bodies, the real error envelope
 * `{ ok: false, error_code, description, parameters? }`, 401 for an unknown token, 404 for an
 * unknown method, 409 for getUpdates while a webhook is set, and real 429s past ~30 msg/s or
 * 1 msg/s per chat. Faults (403 blocked, 5xx, reset connections, slow answers, flood waits) can be
 * switched on per test. Everything received is recorded, uploaded files with their bytes. Files
 * users "sent" (`addFile`) are served by `getFile` and `/file/bot<token>/<file_path>`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BadRequest, parseParams, type Params, type Upload } from "./telegram-bot-api/body.js";
import { FileStore, type StoredFile } from "./telegram-bot-api/files.js";
import { chatIdOf, MessageStore, SEND_METHODS } from "./telegram-bot-api/messages.js";
import type { RateLimits } from "./telegram-bot-api/rate-limit.js";
import { ApiError, SendGate, type Fault } from "./telegram-bot-api/send-gate.js";
import { UpdateQueue, type Update, type Webhook } from "./telegram-bot-api/updates.js";

export type { Update } from "./telegram-bot-api/updates.js";
export type { Fault } from "./telegram-bot-api/send-gate.js";
export type { Upload } from "./telegram-bot-api/body.js";
export type { StoredFile } from "./telegram-bot-api/files.js";

export interface RecordedCall {
  method: string;
  params: Params;
  status: number;
  at: number;
  result?: unknown;
  description?: string;
}

export interface FakeBotApiOptions {
  token?: string;
  limits?: Partial<RateLimits>;
}

export interface FakeBotApi {
  /** Use as grammY's `apiRoot`. */
  url: string;
  token: string;
  botId: number;
  /** Queues an update for getUpdates, or POSTs it to the webhook (then resolves with its HTTP status). */
  pushUpdate(update: Update): Promise<number | null>;
  /** Retries webhook deliveries that did not get a 2xx. */
  redeliver(): Promise<number[]>;
  /** Successful message-method calls (`sendMessage`, …), optionally of one method. */
  sent(method?: string): RecordedCall[];
  /** Every call, with its HTTP status. */
  calls(method?: string): RecordedCall[];
  answeredCallbacks(): string[];
  blockChat(chatId: number | string, blocked?: boolean): void;
  injectFaults(...faults: Fault[]): void;
  /** Every message method answers 429 for `seconds` (a flood wait). */
  floodWait(seconds: number): void;
  setLimits(limits: Partial<RateLimits>): void;
  webhook(): Webhook | null;
  /** A file a user sent (a photo), for getFile and downloads; `reportedSize` fakes a bigger one. */
  addFile(bytes: Buffer, reportedSize?: number): StoredFile;
  removeFile(fileId: string): void;
  /** The next file downloads answer these HTTP statuses, one each. */
  failDownloads(...statuses: number[]): void;
  /** Files uploaded with successful sends of `method` (sendPhoto's `photo`, sendDocument's `document`). */
  uploads(method: "sendPhoto" | "sendDocument"): Upload[];
  close(): Promise<void>;
}

export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? "123456:TEST-token";
  const botId = Number(token.split(":")[0]);
  const bot = { id: botId, is_bot: true as const, first_name: "Sampark Test", username: "sampark_test_bot" };
  const gate = new SendGate(options.limits);
  const updates = new UpdateQueue();
  const messages = new MessageStore(bot);
  const files = new FileStore();
  const calls: RecordedCall[] = [];
  const callbackIds = new Set<string>();
  const answered: string[] = [];

  async function perform(method: string, params: Params, req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    switch (method) {
      case "getme":
        return { ...bot, can_join_groups: false, can_read_all_group_messages: false, supports_inline_queries: false };
      case "getupdates": {
        if (updates.webhook) throw new ApiError(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        const closed = new Promise<void>((resolve) => res.once("close", () => resolve()));
        const limit = Math.min(100, Math.max(1, Number(params["limit"] ?? 100)));
        const batch = await updates.take(numberOr(params["offset"]), limit, Number(params["timeout"] ?? 0), closed);
        if (batch === "conflict") throw new ApiError(409, "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running");
        return batch;
      }
      case "setwebhook":
        return setWebhook(params);
      case "deletewebhook":
        updates.webhook = null;
        if (isTrue(params["drop_pending_updates"])) updates.dropPending();
        return true;
      case "getwebhookinfo":
        return { url: updates.webhook?.url ?? "", has_custom_certificate: false, pending_update_count: 0 };
      case "getfile":
        return files.getFile(params["file_id"]);
      case "answercallbackquery": {
        const id = String(params["callback_query_id"] ?? "");
        if (!callbackIds.delete(id)) throw new ApiError(400, "Bad Request: query is too old and response timeout expired or query ID is invalid");
        answered.push(id);
        return true;
      }
      default:
        if (SEND_METHODS.has(method)) return sendWithLimits(method, params, req, res);
        throw new ApiError(404, "Not Found");
    }
  }

  function setWebhook(params: Params): true {
    const url = String(params["url"] ?? "");
    if (url === "") {
      updates.webhook = null;
      return true;
    }
    const secret = params["secret_token"] === undefined ? undefined : String(params["secret_token"]);
    if (secret !== undefined && !/^[A-Za-z0-9_-]{1,256}$/.test(secret)) throw new ApiError(400, "Bad Request: secret token contains unallowed characters");
    updates.webhook = { url, ...(secret !== undefined ? { secret } : {}) };
    if (isTrue(params["drop_pending_updates"])) updates.dropPending();
    return true;
  }

  async function sendWithLimits(method: string, params: Params, req: IncomingMessage, res: ServerResponse): Promise<unknown> {
    const fault = gate.nextFault();
    if (fault?.type === "reset") {
      req.socket.destroy();
      return NO_ANSWER;
    }
    if (fault?.type === "html") {
      res.writeHead(fault.status, { "content-type": "text/html" }).end(`<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`);
      return NO_ANSWER;
    }
    if (fault?.type === "status") throw new ApiError(fault.status, fault.description ?? (fault.status >= 500 ? "Internal Server Error" : "Bad Request"));
    const now = Date.now();
    gate.admit(String(chatIdOf(params)), now);
    const message = messages.perform(method, params, now);
    if (fault?.type === "delay") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    return res.destroyed ? NO_ANSWER : message;
  }

  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://fake");
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file) return serveFile(file[1] === token ? decodeURIComponent(file[2] ?? "") : undefined, res);
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(url.pathname);
    const call: RecordedCall = { method: match?.[2] ?? url.pathname, params: {}, status: 200, at: Date.now() };
    calls.push(call);
    try {
      if (!match) throw new ApiError(404, "Not Found");
      if (match[1] !== token) throw new ApiError(401, "Unauthorized");
      call.params = parseParams(url.searchParams, req.headers["content-type"] ?? "", await readBody(req));
      const result = await perform(call.method.toLowerCase(), call.params, req, res);
      if (result === NO_ANSWER) return void (call.status = 0);
      call.result = result;
      reply(res, 200, { ok: true, result });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : error instanceof BadRequest ? new ApiError(400, error.message) : new ApiError(500, "Internal Server Error");
      call.status = apiError.code;
      call.description = apiError.message;
      const parameters = apiError.parameters ? { parameters: apiError.parameters } : {};
      reply(res, apiError.code, { ok: false, error_code: apiError.code, description: apiError.message, ...parameters });
    }
  }

  function serveFile(filePath: string | undefined, res: ServerResponse): void {
    calls.push({ method: "file", params: { file_path: filePath ?? "" }, status: 0, at: Date.now() });
    const found = filePath === undefined ? { status: 404 } : files.download(filePath);
    const call = calls[calls.length - 1];
    if (call) call.status = found.status;
    if (found.bytes) res.writeHead(200, { "content-type": "image/jpeg", "content-length": found.bytes.length }).end(found.bytes);
    else reply(res, found.status, { ok: false, error_code: found.status, description: found.status === 404 ? "Not Found" : "Bad Gateway" });
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const ofMethod = (method?: string) => (c: RecordedCall) => method === undefined || c.method.toLowerCase() === method.toLowerCase();

  return {
    url: `http://127.0.0.1:${port}`,
    token,
    botId,
    async pushUpdate(update) {
      const query = (update as { callback_query?: { id?: unknown } }).callback_query;
      if (typeof query?.id === "string") callbackIds.add(query.id);
      return updates.push(update);
    },
    redeliver: () => updates.redeliver(),
    sent: (method) => calls.filter((c) => c.status === 200 && SEND_METHODS.has(c.method.toLowerCase())).filter(ofMethod(method)),
    calls: (method) => calls.filter(ofMethod(method)),
    answeredCallbacks: () => [...answered],
    blockChat: (chatId, on = true) => gate.block(String(chatId), on),
    injectFaults: (...faults) => gate.inject(faults),
    floodWait: (seconds) => gate.flood(seconds, Date.now()),
    setLimits: (limits) => void (gate.limiter.limits = { ...gate.limiter.limits, ...limits }),
    webhook: () => updates.webhook,
    addFile: (bytes, reportedSize) => files.add(bytes, reportedSize),
    removeFile: (fileId) => files.remove(fileId),
    failDownloads: (...statuses) => void files.downloadFaults.push(...statuses),
    uploads: (method) =>
      calls
        .filter((c) => c.status === 200 && c.method.toLowerCase() === method.toLowerCase())
        .map((c) => (c.params[method === "sendPhoto" ? "photo" : "document"] as { upload?: Upload } | undefined)?.upload)
        .filter((u): u is Upload => u !== undefined),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const NO_ANSWER = Symbol("no answer");

function reply(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function numberOr(value: unknown): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function isTrue(value: unknown): boolean {
  return value === true || value === "true";
}
