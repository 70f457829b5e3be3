/**
 * Runs the fake Bot API as its own process, for benches (so the fake does not compete with the
 * sender for one CPU) and for trying Sampark by hand with TELEGRAM_API_ROOT pointed at it:
 *   npx tsx test/fakes/serve-telegram-bot-api.ts [globalPerSecond]
 * Prints one JSON line `{ url, token }` on stdout once listening; stops on SIGTERM/SIGINT.
 */
import { startFakeBotApi } from "./telegram-bot-api.js";

const globalPerSecond = Number(process.argv[2] ?? 30);
const api = await startFakeBotApi({ limits: { globalPerSecond } });
console.log(JSON.stringify({ url: api.url, token: api.token }));
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => void api.close().then(() => process.exit(0)));
}
