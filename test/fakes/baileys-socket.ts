/**
 * A fake Baileys socket at the `makeWASocket` boundary. It behaves like the real one where the
 * adapter can tell: a socket with linked creds connects by itself (`connecting` → `open`), one
 * without shows a QR built from its creds; `end()` emits a close with no error, `logout()` a close
 * with 401; closing errors are Boom errors with the real status codes; `sendMessage` refuses on a
 * closed socket (428), returns a WAMessage with a `3EB0…` key id, and can be told to fail the way
 * WhatsApp does (`rate-overlimit` as error node code 429, timeouts as 408, …).
 */
import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { Boom } from "@hapi/boom";
import { DisconnectReason, type AnyMessageContent, type BaileysEventEmitter, type BaileysEventMap, type UserFacingSocketConfig, type WAMessage } from "@whiskeysockets/baileys";
import type { WhatsAppSocket, WhatsAppSocketFactory } from "../../src/channels/whatsapp/socket.js";

export type SendFault = "rate_overlimit" | "timeout" | "connection_closed" | "server_error" | "bad_request";

export interface SentMessage {
  jid: string;
  content: AnyMessageContent;
  id: string;
}

/** What the real socket throws for each fault. */
const FAULTS: Record<SendFault, () => Boom> = {
  // WhatsApp answers with an error node; Baileys' assertNodeErrorFree turns it into Boom `{ data: code }`.
  rate_overlimit: () => new Boom("rate-overlimit", { data: 429 }),
  server_error: () => new Boom("internal-server-error", { data: 500 }),
  bad_request: () => new Boom("bad-request", { data: 400 }),
  timeout: () => new Boom("Timed Out", { statusCode: DisconnectReason.timedOut }),
  connection_closed: () => new Boom("Connection Closed", { statusCode: DisconnectReason.connectionClosed }),
};

export class FakeBaileysSocket implements WhatsAppSocket {
  readonly ev: BaileysEventEmitter;
  readonly sent: SentMessage[] = [];
  readonly pairingRequests: string[] = [];
  isOpen = false;
  ended = false;
  private readonly emitter = new EventEmitter();
  private readonly faults = new Map<string, SendFault[]>();

  constructor(
    readonly config: UserFacingSocketConfig,
    private readonly lidMappings: ReadonlyMap<string, string>,
  ) {
    const emitter = this.emitter;
    this.ev = {
      on: (event, listener) => void emitter.on(event, listener),
      off: (event, listener) => void emitter.off(event, listener),
      removeAllListeners: (event) => void emitter.removeAllListeners(event),
      emit: (event, arg) => emitter.emit(event, arg),
    };
    // Like the real socket: connect on creation, after the caller has had a chance to subscribe.
    setImmediate(() => this.connect());
  }

  readonly signalRepository = {
    lidMapping: { getPNForLID: async (lid: string) => this.lidMappings.get(lid) ?? null },
  };

  private connect(): void {
    if (this.ended) return;
    this.emit("connection.update", { connection: "connecting" });
    if (this.config.auth.creds.me) this.open();
    else this.showQr();
  }

  /** A QR as WhatsApp Web builds it: ref, noise key, identity key, adv secret. */
  showQr(): string {
    const { noiseKey, signedIdentityKey, advSecretKey } = this.config.auth.creds;
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");
    const qr = `2@${randomBytes(24).toString("base64")},${b64(noiseKey.public)},${b64(signedIdentityKey.public)},${advSecretKey}`;
    this.emit("connection.update", { qr });
    return qr;
  }

  open(): void {
    this.isOpen = true;
    this.emit("connection.update", { connection: "open", receivedPendingNotifications: true });
  }

  /** The phone scanned the QR: creds gain `me`, and WhatsApp demands a restart (515). */
  completeLink(meJid: string): void {
    this.config.auth.creds.me = { id: meJid, name: "Sampark" };
    this.emit("creds.update", { me: this.config.auth.creds.me });
    this.close(DisconnectReason.restartRequired);
  }

  /** The server closed the connection with `statusCode`. */
  close(statusCode: number): void {
    this.isOpen = false;
    this.ended = true;
    this.emit("connection.update", { connection: "close", lastDisconnect: { error: new Boom("Stream Errored", { statusCode }), date: new Date() } });
  }

  /** Delivers a `messages.upsert` (notify unless told otherwise), as Baileys does after decrypting. */
  receive(messages: unknown[], type: "notify" | "append" = "notify"): void {
    this.emit("messages.upsert", { messages: messages as WAMessage[], type });
  }

  /** Makes the next send to `jid` fail with `fault`. */
  failNext(jid: string, fault: SendFault): void {
    this.faults.set(jid, [...(this.faults.get(jid) ?? []), fault]);
  }

  async sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage | undefined> {
    const fault = this.faults.get(jid)?.shift();
    if (!this.isOpen || fault === "connection_closed") throw FAULTS.connection_closed();
    const id = `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
    // A timeout strikes after the node went out: the message is delivered, the caller cannot know.
    if (fault === "timeout") this.sent.push({ jid, content, id });
    if (fault) throw FAULTS[fault]();
    this.sent.push({ jid, content, id });
    return { key: { remoteJid: jid, fromMe: true, id }, messageTimestamp: Math.floor(Date.now() / 1000), status: 1 };
  }

  async requestPairingCode(phoneNumber: string): Promise<string> {
    this.pairingRequests.push(phoneNumber);
    const code = randomBytes(5).toString("hex").slice(0, 8).toUpperCase();
    this.config.auth.creds.pairingCode = code;
    this.config.auth.creds.me = { id: `${phoneNumber}@s.whatsapp.net`, name: "~" };
    this.emit("creds.update", this.config.auth.creds);
    return code;
  }

  async end(error: Error | undefined): Promise<void> {
    if (this.ended) return;
    this.isOpen = false;
    this.ended = true;
    this.emit("connection.update", { connection: "close", lastDisconnect: { error, date: new Date() } });
  }

  /** The device is unlinked (from the phone or by `sock.logout()`): the socket closes with 401. */
  async logout(): Promise<void> {
    this.close(DisconnectReason.loggedOut);
  }

  private emit<T extends keyof BaileysEventMap>(event: T, arg: BaileysEventMap[T]): void {
    this.emitter.emit(event, arg);
  }
}

export interface FakeBaileys {
  factory: WhatsAppSocketFactory;
  /** Every socket made, oldest first. */
  sockets: FakeBaileysSocket[];
  latest(): FakeBaileysSocket;
  /** LID JID → phone JID, as Baileys' LID mapping store would answer. */
  lidMappings: Map<string, string>;
}

export function createFakeBaileys(): FakeBaileys {
  const sockets: FakeBaileysSocket[] = [];
  const lidMappings = new Map<string, string>();
  return {
    factory: (config) => {
      const socket = new FakeBaileysSocket(config, lidMappings);
      sockets.push(socket);
      return socket;
    },
    sockets,
    latest: () => {
      const socket = sockets[sockets.length - 1];
      if (!socket) throw new Error("no socket was made");
      return socket;
    },
    lidMappings,
  };
}
