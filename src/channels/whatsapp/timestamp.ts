/**
 * `messageTimestamp` (seconds since epoch) in every form it arrives in: a number (live Baileys
 * and newer captures), a decimal string (older captures) or a protobuf Long, live or serialized
 * to `{ low, high, unsigned }`.
 */
export function parseTimestamp(raw: unknown): Date | undefined {
  const seconds = toSeconds(raw);
  return seconds !== undefined && Number.isSafeInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

function toSeconds(raw: unknown): number | undefined {
  if (typeof raw === "number") return raw;
  if (typeof raw === "string") return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
  if (raw !== null && typeof raw === "object") {
    const { low, high } = raw as { low?: unknown; high?: unknown };
    // Long keeps two signed 32-bit halves; a timestamp is never negative, so read them unsigned.
    if (typeof low === "number" && typeof high === "number") return (high >>> 0) * 2 ** 32 + (low >>> 0);
  }
  return undefined;
}
