/**
 * Linking a number: the QR code to scan, or the pairing code to type on the phone. The latest one
 * is also in the channel's status for an admin page; this prints it for an operator at a terminal.
 */
import QRCode from "qrcode";

export type LoginPrompt = { type: "qr"; qr: string } | { type: "pairing_code"; code: string };

export type LoginNotifier = (prompt: LoginPrompt) => void | Promise<void>;

/** Writes the QR code as terminal blocks (or the pairing code) to `out`, with what to do with it. */
export function terminalLoginNotifier(out: NodeJS.WritableStream): LoginNotifier {
  return async (prompt) => {
    if (prompt.type === "qr") {
      const art = await QRCode.toString(prompt.qr, { type: "terminal", small: true });
      out.write(`\nWhatsApp: scan with the organisation's phone (WhatsApp → Linked devices → Link a device):\n${art}\n`);
    } else {
      out.write(`\nWhatsApp pairing code: ${prompt.code}\n(WhatsApp → Linked devices → Link a device → Link with phone number instead)\n\n`);
    }
  };
}
