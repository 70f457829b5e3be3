/**
 * The slice of a Baileys socket the adapter uses, and the factory that makes one. The adapter is
 * written against this, so tests inject a fake at the `makeWASocket` boundary; the assignment
 * below proves the real `makeWASocket` still fits it.
 */
import makeWASocket, { type AnyMessageContent, type BaileysEventEmitter, type UserFacingSocketConfig, type WAMessage } from "@whiskeysockets/baileys";

export interface WhatsAppSocket {
  ev: Pick<BaileysEventEmitter, "on">;
  sendMessage(jid: string, content: AnyMessageContent): Promise<WAMessage | undefined>;
  requestPairingCode(phoneNumber: string): Promise<string>;
  /** Closes the connection; a `connection.update` with `connection: "close"` follows. */
  end(error: Error | undefined): Promise<void> | void;
  signalRepository: { lidMapping: { getPNForLID(lid: string): Promise<string | null> } };
}

export type WhatsAppSocketFactory = (config: UserFacingSocketConfig) => WhatsAppSocket;

export const baileysSocketFactory: WhatsAppSocketFactory = makeWASocket;
