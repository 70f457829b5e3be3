/**
 * One WhatsApp socket at a time, kept alive by the reconnect policy: opens it with the auth state
 * from MongoDB, saves creds on every `creds.update`, shows the QR or pairing code until the number
 * is linked, and after a close either reconnects (backoff per `decideReconnect`) or stops for an
 * operator. A socket closed on purpose (shutdown, lost lease) is retired first, so its close
 * event triggers nothing.
 */
import { jidDecode, type BaileysEventMap, type ConnectionState } from "@whiskeysockets/baileys";
import type { Logger } from "../../log.js";
import type { MongoAuthState } from "../../store/wa-auth/mongo-auth-state.js";
import { disconnectStatus } from "./boom.js";
import { WHATSAPP } from "./convert.js";
import type { LoginNotifier } from "./login-prompt.js";
import { decideReconnect, DEFAULT_RECONNECT, type ReconnectDecision, type ReconnectSettings } from "./reconnect-policy.js";
import type { WhatsAppSocket, WhatsAppSocketFactory } from "./socket.js";

/** Where the channel is, for the admin page and health checks. */
export type WhatsAppStatus =
  | { state: "stopped" | "standby" | "connecting" }
  /** `number`: the linked number's digits, when the creds name it. */
  | { state: "open"; number?: string }
  | { state: "login"; qr?: string; pairingCode?: string }
  | { state: "reconnecting"; delayMs: number }
  | { state: "needs_operator"; reason: "logged_out" | "forbidden"; message: string };

export interface ConnectionOptions {
  factory: WhatsAppSocketFactory;
  openAuth(): Promise<MongoAuthState>;
  /** E.164 digits: link by pairing code instead of QR. */
  pairingNumber?: string;
  notifyLogin: LoginNotifier;
  onUpsert(socket: WhatsAppSocket, upsert: BaileysEventMap["messages.upsert"]): void;
  random(): number;
  reconnect?: ReconnectSettings;
  /** Called on every change of `status()` (the channel publishes it for the admin page). */
  onStatus?(status: WhatsAppStatus): void;
  log: Logger;
}

export interface WhatsAppConnection {
  /** Opens a socket unless one is up or due, or an operator must act first. */
  ensureConnected(): Promise<void>;
  /** Closes the socket on purpose; no reconnect follows. */
  close(next: "stopped" | "standby"): Promise<void>;
  /** The socket, when the connection is open. */
  openSocket(): WhatsAppSocket | undefined;
  status(): WhatsAppStatus;
}

interface Live {
  socket: WhatsAppSocket;
  auth: MongoAuthState;
  pairingRequested: boolean;
}

export function createWhatsAppConnection(options: ConnectionOptions): WhatsAppConnection {
  const { log } = options;
  // Baileys logs JIDs (phone numbers) freely; keep only its errors.
  const baileysLog = log.child({ component: "baileys" }, { level: "error" });
  let live: Live | undefined;
  let status: WhatsAppStatus = { state: "stopped" };
  const setStatus = (next: WhatsAppStatus) => {
    status = next;
    options.onStatus?.(next);
  };
  let attempt = 0;
  let timer: NodeJS.Timeout | undefined;

  async function open(): Promise<void> {
    setStatus({ state: "connecting" });
    const auth = await options.openAuth();
    const socket = options.factory({ auth: auth.state, logger: baileysLog, markOnlineOnConnect: false, syncFullHistory: false });
    const self: Live = { socket, auth, pairingRequested: false };
    live = self;
    socket.ev.on("creds.update", () => {
      auth.saveCreds().catch((error: unknown) => log.error({ err: error, channel: WHATSAPP }, "whatsapp: saving creds failed"));
    });
    socket.ev.on("connection.update", (update) => {
      if (live === self) void onUpdate(self, update);
    });
    socket.ev.on("messages.upsert", (upsert) => {
      if (live === self) options.onUpsert(socket, upsert);
    });
  }

  function openOrRetry(): Promise<void> {
    return open().catch((error: unknown) => {
      // The auth state could not be read (store down): retry like a failed connection.
      log.error({ err: error, channel: WHATSAPP }, "whatsapp: opening the socket failed");
      live = undefined;
      const decision = decide(undefined);
      if (decision.action === "reconnect") schedule(decision, undefined);
    });
  }

  async function onUpdate(self: Live, update: Partial<ConnectionState>): Promise<void> {
    if (update.qr) await onQr(self, update.qr);
    if (update.connection === "open") {
      attempt = 0;
      const number = linkedNumber(self.auth);
      setStatus({ state: "open", ...(number ? { number } : {}) });
      log.info({ channel: WHATSAPP }, "whatsapp: connected");
    } else if (update.connection === "close") {
      live = undefined;
      onClose(self, disconnectStatus(update.lastDisconnect?.error));
    }
  }

  async function onQr(self: Live, qr: string): Promise<void> {
    const number = options.pairingNumber;
    if (number && !self.auth.state.creds.registered) {
      // The first QR means the socket is ready to link; one code per socket is enough.
      if (self.pairingRequested) return;
      self.pairingRequested = true;
      try {
        const code = await self.socket.requestPairingCode(number);
        if (live !== self) return;
        setStatus({ state: "login", pairingCode: code });
        await options.notifyLogin({ type: "pairing_code", code });
      } catch (error) {
        log.error({ err: error, channel: WHATSAPP }, "whatsapp: requesting a pairing code failed");
      }
      return;
    }
    setStatus({ state: "login", qr });
    await options.notifyLogin({ type: "qr", qr });
  }

  function decide(statusCode: number | undefined): ReconnectDecision {
    return decideReconnect(statusCode, attempt, options.random, options.reconnect ?? DEFAULT_RECONNECT);
  }

  function onClose(self: Live, statusCode: number | undefined): void {
    const decision = decide(statusCode);
    if (decision.action === "stop") {
      setStatus({ state: "needs_operator", reason: decision.reason, message: decision.operatorMessage });
      log.error({ channel: WHATSAPP, statusCode }, `whatsapp: ${decision.operatorMessage}`);
      // The unlinked creds can never connect again; without them the next start shows a QR code.
      if (decision.reason === "logged_out") self.auth.clear().catch((error: unknown) => log.error({ err: error, channel: WHATSAPP }, "whatsapp: clearing the auth state failed"));
      return;
    }
    schedule(decision, statusCode);
  }

  function schedule({ delayMs, reason }: Extract<ReconnectDecision, { action: "reconnect" }>, statusCode: number | undefined): void {
    attempt++;
    setStatus({ state: "reconnecting", delayMs });
    log.warn({ channel: WHATSAPP, statusCode, delayMs, attempt }, `whatsapp: ${reason}; reconnecting`);
    timer = setTimeout(() => {
      timer = undefined;
      void openOrRetry();
    }, delayMs);
  }

  return {
    async ensureConnected() {
      if (live || timer || status.state === "needs_operator") return;
      await openOrRetry();
    },
    async close(next) {
      clearTimeout(timer);
      timer = undefined;
      const self = live;
      live = undefined;
      setStatus({ state: next });
      if (self) await self.socket.end(undefined);
    },
    openSocket: () => (status.state === "open" ? live?.socket : undefined),
    status: () => status,
  };
}

/** The linked number's digits from the creds (`919812345678:7@s.whatsapp.net` → `919812345678`). */
function linkedNumber(auth: MongoAuthState): string | undefined {
  const id = auth.state.creds.me?.id;
  const user = id ? jidDecode(id)?.user : undefined;
  return user && /^\d{5,20}$/.test(user) ? user : undefined;
}
