/**
 * The phone number of a linked WhatsApp session, from its stored creds (`me.id`, e.g.
 * `919812345678:7@s.whatsapp.net`): readable by any instance, whether or not it holds the socket.
 */
import type { Connection } from "mongoose";
import { waAuthModel } from "./wa-auth-model.js";

/** E.164 digits of the linked number; undefined before the number is linked. */
export async function linkedWhatsAppNumber(connection: Connection, sessionId: string): Promise<string | undefined> {
  const creds = await waAuthModel(connection).findById(`${sessionId}/creds`, { value: 1 }).lean();
  if (!creds) return undefined;
  try {
    const id = (JSON.parse(creds.value) as { me?: { id?: unknown } }).me?.id;
    const match = typeof id === "string" ? /^(\d{8,15})(?::\d+)?@s\.whatsapp\.net$/.exec(id) : null;
    return match?.[1];
  } catch {
    return undefined;
  }
}
