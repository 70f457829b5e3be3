/**
 * The composition root: the only place that reads configuration, opens the store and wires
 * modules together. Everything else receives its dependencies.
 */
import { loadConfig, ConfigError, type Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { openStore } from "./store/connection.js";
import { createApp } from "./http/app.js";
import { listen } from "./http/serve.js";

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config.logLevel);
  process.on("unhandledRejection", (reason) => log.error({ err: reason }, "unhandled rejection"));

  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, log });
  let draining = false;
  const app = createApp({ log, storeReady: () => store.ping(), isDraining: () => draining });
  const http = await listen(app, config.port, config.host);
  log.info({ port: http.port, url: `http://localhost:${http.port}/` }, `Sampark is up: open http://localhost:${http.port}/`);

  onShutdownSignal(log, async () => {
    draining = true;
    await http.close(config.shutdownGraceMs);
    await store.close();
  });
}

/** First SIGINT/SIGTERM drains and exits; a second one exits at once. */
function onShutdownSignal(log: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handle = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, "second signal: exiting now");
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, "shutting down: stopped intake, draining");
    shutdown().then(
      () => {
        log.info("shutdown complete");
        process.exit(0);
      },
      (error: unknown) => {
        log.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", handle);
  process.on("SIGTERM", handle);
}

main().catch((error: unknown) => {
  process.stderr.write(`Sampark failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
