/**
 * Reading Baileys errors. Baileys throws `@hapi/boom` errors: `output.statusCode` is set from
 * `{ statusCode }` (disconnect reasons, "Connection Closed", "Timed Out"), while a WhatsApp error
 * node becomes `{ data: <code> }` with statusCode 500 — so a server's 429 hides in `data`.
 * Read structurally: our code never needs Boom's class, and the fakes need not import it.
 */
export interface BoomInfo {
  statusCode: number | undefined;
  /** WhatsApp's own error code from an error node, when that is what failed. */
  serverCode: number | undefined;
  message: string;
}

export function readBoom(error: unknown): BoomInfo | undefined {
  if (error === null || typeof error !== "object" || (error as { isBoom?: unknown }).isBoom !== true) return undefined;
  const { output, data, message } = error as { output?: { statusCode?: unknown }; data?: unknown; message?: unknown };
  return {
    statusCode: typeof output?.statusCode === "number" ? output.statusCode : undefined,
    serverCode: typeof data === "number" && Number.isInteger(data) ? data : undefined,
    message: typeof message === "string" ? message : "",
  };
}

/** The status code of `lastDisconnect.error` in a `connection.update`, if any. */
export function disconnectStatus(error: unknown): number | undefined {
  return readBoom(error)?.statusCode;
}
