/**
 * Finds Debian's Chromium for browser tests. Without it the tests skip with a visible notice,
 * except in CI (`SAMPARK_REQUIRE_BROWSER=1`), where its absence is a failure.
 */
import { existsSync } from "node:fs";

export const CHROMIUM_PATH = process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM_PATH);
export const browserRequired = process.env["SAMPARK_REQUIRE_BROWSER"] === "1";

if (!chromiumAvailable) {
  const notice = `Chromium not found at ${CHROMIUM_PATH}: browser tests are ${browserRequired ? "REQUIRED here and will fail" : "SKIPPED"} (apt-get install chromium).`;
  process.stderr.write(`\n*** ${notice} ***\n\n`);
}

/** Flags that keep headless Chromium quiet on a machine with no network but loopback. */
export const CHROMIUM_ARGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];
