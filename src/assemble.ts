/**
 * Wires Sampark's parts around an open store connection. `main.ts` calls it for the real process;
 * tests call it to get the very same wiring on the embedded store. No I/O of its own.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type { Connection } from "mongoose";
import type { Express } from "express";
import type { FlowSet, Translate } from "./engine/types.js";
import type { Logger } from "./log.js";
import type { QuietHours } from "./domain/quiet-hours.js";
import { runtimeModels, type RuntimeModels } from "./store/models/runtime-models.js";
import { createActionRegistry, type ActionDefinition } from "./runtime/actions.js";
import { createRuntime, type Runtime } from "./runtime/runtime.js";
import { createApp } from "./http/app.js";
import { webChatRoutes } from "./http/web-chat-routes.js";
import { webMediaRoutes } from "./http/web-media-routes.js";
import { fireDueTimers } from "./jobs/timers.js";
import { recoverInterrupted } from "./jobs/recovery.js";
import { startJobs, type JobScheduler, type LeasedJob } from "./jobs/scheduler.js";
import { enrolmentActions, ephemeralEnrolmentConfig, type EnrolmentConfig } from "./actions/index.js";
import { cardRoutes } from "./http/card-routes.js";
import { adminRoutes } from "./http/admin/index.js";
import type { AdminToken } from "./domain/access/index.js";
import { startChannels, type ChannelSettings, type StartedChannels } from "./channels/start-channels.js";
import { readPublishedStatus } from "./channels/whatsapp/published-status.js";
import { adminPageRoutes } from "./http/admin-pages/whatsapp-page.js";
import { createMemberRepository, type MemberRepository } from "./store/members/repository.js";
import { createCardStore } from "./store/members/cards.js";
import { parseMembershipNumber } from "./domain/members/membership-number.js";
import { channelMedia } from "./channels/channel-media.js";

export const PUBLIC_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), "http", "public");
/** Noto Sans Devanagari (OFL) from npm, so the simulator shapes Hindi on any machine. */
const FONTS_DIR = path.join(path.dirname(createRequire(import.meta.url).resolve("@fontsource/noto-sans-devanagari/package.json")), "files");

export interface AssembleOptions {
  connection: Connection;
  flows: FlowSet;
  translate: Translate;
  log: Logger;
  quietHours: QuietHours;
  /** Serve the browser chat simulator and its API (off in production unless wanted). */
  webSimulator: boolean;
  actions?: ActionDefinition[];
  /** Enrolment settings (keys, org, grievance contact); tests get throwaway keys when absent. */
  enrolment?: EnrolmentConfig;
  /** Messaging channels to start (Telegram, WhatsApp), each with its outbox sender. */
  channels?: ChannelSettings;
  /** Bearer tokens of the admin API; none = the admin API answers 401 to everything. */
  adminTokens?: readonly AdminToken[];
  now?: () => Date;
  /** Whether the store answers (backs /readyz). */
  storeReady(): Promise<boolean>;
  isDraining?(): boolean;
}

export interface Sampark {
  app: Express;
  runtime: Runtime;
  models: RuntimeModels;
  /** The cron jobs, as plain functions too, so tests can tick them deterministically. */
  jobs: { timers: LeasedJob; recovery: LeasedJob };
  startJobs(timezone: string): JobScheduler;
  /** Names of the channels started, each with its outbox sender (`web` when the simulator is on). */
  channels: string[];
  /** Stops the messaging channels: intake first, then their senders. */
  stopChannels(): Promise<void>;
}

export async function assembleSampark(options: AssembleOptions): Promise<Sampark> {
  const now = options.now ?? (() => new Date());
  const models = runtimeModels(options.connection);
  await Promise.all(Object.values(models).map((model) => model.init()));
  const enrolment = options.enrolment ?? ephemeralEnrolmentConfig();
  const members = createMemberRepository(options.connection);
  const cards = createCardStore(options.connection);
  const media = await channelMedia({ connection: options.connection, channels: options.channels, enrolment, log: options.log });
  // Set once the channels run; an inbound message may be processed while they start.
  const live: { channels?: StartedChannels } = {};
  const runtime = createRuntime({
    models,
    flows: () => options.flows,
    ports: { now: () => now().getTime(), t: options.translate },
    actions: createActionRegistry(models, [
      ...(options.actions ?? []),
      ...(await enrolmentActions({ connection: options.connection, config: enrolment, translate: options.translate, media: media.downloaders, addresses: media.addresses })),
    ], {
      // Notices actions queue for other contacts (one-time codes) wake the same listeners as replies.
      onOutbox: () => live.channels?.wake(),
    }),
    now,
    log: options.log,
    // Committed replies go out at once rather than at the senders' next poll.
    onOutbox: () => live.channels?.wake(),
  });
  const settings: ChannelSettings = { ...options.channels, ...(options.webSimulator ? { web: true } : {}) };
  const channels = await startChannels({ settings, runtime, models, connection: options.connection, ownMedia: media.ownMedia, quietHours: options.quietHours, log: options.log, now });
  live.channels = channels;
  const whatsappSession = settings.whatsapp?.sessionId;
  const app = createApp({
    log: options.log,
    storeReady: options.storeReady,
    ...(options.isDraining ? { isDraining: options.isDraining } : {}),
    rawRouters: channels.rawRouters,
    routers: [
      cardRoutes({
        signingKey: enrolment.cardSigningKey,
        orgName: enrolment.orgName,
        lookup: (compact) => lookupCard(members, compact),
        cardPng: (code) => cards.png(code),
      }),
      adminRoutes({ connection: options.connection, tokens: options.adminTokens ?? [], keyring: enrolment.keyring, log: options.log, now }),
      adminPageRoutes({
        tokens: options.adminTokens ?? [],
        ...(whatsappSession ? { whatsappStatus: () => readPublishedStatus(options.connection, models, whatsappSession, now()) } : {}),
        secureCookies: enrolment.publicBaseUrl.startsWith("https:"),
        log: options.log,
        now,
      }),
      ...(channels.web ? [webChatRoutes({ channel: channels.web }), webMediaRoutes({ media: media.webMedia, now })] : []),
    ],
    ...(options.webSimulator ? { publicDir: PUBLIC_DIR, fontsDir: FONTS_DIR } : {}),
  });
  const jobs = {
    timers: { name: "timers", schedule: "*/5 * * * * *", run: () => fireDueTimers({ models, runtime, quietHours: options.quietHours, now }) },
    recovery: { name: "recovery", schedule: "*/15 * * * * *", run: () => recoverInterrupted({ models, runtime, now, graceMs: 10_000 }) },
  };
  return {
    app,
    runtime,
    models,
    jobs,
    channels: channels.names,
    stopChannels: () => channels.stop(),
    startJobs: (timezone) => startJobs(Object.values(jobs), { models, owner: randomUUID(), log: options.log, now, timezone }),
  };
}

/** Card verification's view of a member: by the compact number printed in the QR code. */
async function lookupCard(members: MemberRepository, compact: string): Promise<"active" | "revoked" | undefined> {
  const parsed = parseMembershipNumber(compact);
  return parsed.ok ? members.cardStatus(parsed.value.formatted) : undefined;
}
