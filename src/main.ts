/**
 * The composition root: the only place that reads configuration, opens the store and wires
 * modules together. Everything else receives its dependencies.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Lang } from "./engine/types.js";
import { loadConfig, ConfigError, type Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { openStore } from "./store/connection.js";
import { listen } from "./http/serve.js";
import { assembleSampark } from "./assemble.js";
import { loadFlowSet } from "./engine/index.js";
import { createTranslator } from "./i18n/index.js";
import { seedDemoGeography } from "./store/geo/demo/seed.js";
import { loadFieldKeyring } from "./crypto/key-loader.js";
import { loadCardSigningKey } from "./cards/signing-key.js";
import type { EnrolmentConfig } from "./actions/index.js";
import type { ChannelSettings } from "./channels/start-channels.js";

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

  const flows = loadFlowSet(config.flowsDir);
  if (!flows.ok) {
    for (const e of flows.errors) log.fatal({ file: e.file, line: e.line, code: e.code }, `${e.file}:${e.line}: ${e.message}`);
    process.exit(1);
  }
  const translate = createTranslator({ resources: await readLocales(config.localesDir) });

  const store = await openStore({ mongodbUri: config.mongodbUri, dataDir: config.dataDir, log });
  if (config.seedDemoGeography) {
    const seeded = await seedDemoGeography(store.connection);
    if (seeded.seeded) log.info({ booths: seeded.booths }, "geography: empty store, loaded the DEMO geography (Lucknow ACs, synthetic booths)");
  }
  const enrolment = await loadEnrolmentConfig(config, log);
  let draining = false;
  const sampark = await assembleSampark({
    connection: store.connection,
    flows: flows.flows,
    translate,
    log,
    quietHours: { ...config.quietHours, timezone: config.timezone },
    webSimulator: config.webSimulator,
    enrolment,
    channels: channelSettings(config),
    adminTokens: config.adminTokens,
    storeReady: () => store.ping(),
    isDraining: () => draining,
  });
  const jobs = sampark.startJobs(config.timezone);
  const http = await listen(sampark.app, config.port, config.host);
  const url = `http://localhost:${http.port}/`;
  log.info({ port: http.port, url }, config.webSimulator ? `Sampark is up: chat with it at ${url}` : `Sampark is up on port ${http.port}`);

  onShutdownSignal(log, async () => {
    draining = true;
    await sampark.stopChannels();
    await http.close(config.shutdownGraceMs);
    await jobs.stop();
    await sampark.runtime.idle();
    await store.close();
  });
}

/** Keys and organisation settings for enrolment; key files in DATA_DIR when none are configured. */
async function loadEnrolmentConfig(config: Config, log: Logger): Promise<EnrolmentConfig> {
  const fieldKeys = await loadFieldKeyring({
    keyBase64: config.fieldEncryptionKey,
    previousKeysBase64: config.fieldEncryptionPreviousKeys,
    dataDir: config.dataDir,
  });
  const cardKey = await loadCardSigningKey({ keyBase64: config.cardSigningKey, dataDir: config.dataDir });
  for (const warning of [fieldKeys.warning, cardKey.warning]) if (warning) log.warn(warning);
  if (!config.grievanceContact) log.warn("GRIEVANCE_CONTACT is not set: the consent notice names a placeholder. Set it before real enrolment (DPDP Act).");
  return {
    orgName: config.orgName,
    ...(config.orgLogoPath ? { logo: await readFile(config.orgLogoPath) } : {}),
    ...(config.whatsapp.number ? { whatsappNumber: config.whatsapp.number } : {}),
    grievanceContact: config.grievanceContact ?? "(grievance contact not configured — set GRIEVANCE_CONTACT)",
    publicBaseUrl: config.publicBaseUrl,
    timezone: config.timezone,
    keyring: fieldKeys.keyring,
    cardSigningKey: cardKey.key,
    seedDemoGeography: false, // seeded above, with a log line
  };
}

/** Which messaging channels to start, from configuration. */
function channelSettings(config: Config): ChannelSettings {
  const { telegram, whatsapp } = config;
  return {
    ...(telegram
      ? {
          telegram: {
            token: telegram.token,
            mode: telegram.mode,
            ...(telegram.apiRoot ? { apiRoot: telegram.apiRoot } : {}),
            ...(telegram.webhookSecret ? { webhookSecret: telegram.webhookSecret } : {}),
            ...(telegram.webhookUrl ? { webhookUrl: telegram.webhookUrl } : {}),
          },
        }
      : {}),
    ...(whatsapp.enabled ? { whatsapp: { sessionId: whatsapp.sessionId, ...(whatsapp.pairingNumber ? { pairingNumber: whatsapp.pairingNumber } : {}) } } : {}),
  };
}

/** Reads `<dir>/hi.json` and `<dir>/en.json`: organisations edit wording without touching code. */
async function readLocales(dir: string): Promise<Record<Lang, Record<string, unknown>>> {
  const read = async (lang: Lang) => JSON.parse(await readFile(path.join(dir, `${lang}.json`), "utf8")) as Record<string, unknown>;
  return { hi: await read("hi"), en: await read("en") };
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
