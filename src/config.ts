/**
 * Configuration: the environment, validated once with zod. Nothing else reads `process.env`.
 * An invalid environment fails fast with every problem listed, not just the first.
 */
import { readFileSync } from "node:fs";
import { z } from "zod";
import { adminTokensSchema, type AdminToken } from "./domain/access/index.js";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected HH:MM (24-hour)");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, "must start with mongodb:// or mongodb+srv://")
    .optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  ORG_NAME: z.string().min(1).default("Sampark Demo Organisation"),
  ORG_LOGO_PATH: logoFile().optional(),
  TIMEZONE: z.string().min(1).default("Asia/Kolkata"),
  QUIET_HOURS_START: hhmm.default("22:00"),
  QUIET_HOURS_END: hhmm.default("06:00"),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  WEB_SIMULATOR: z.enum(["true", "false"]).default("true"),
  FLOWS_DIR: z.string().min(1).default("./flows"),
  LOCALES_DIR: z.string().min(1).default("./locales"),
  FIELD_ENCRYPTION_KEY: base64Key(32, "exactly").optional(),
  FIELD_ENCRYPTION_PREVIOUS_KEYS: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").map((k) => k.trim()).filter(Boolean) : []))
    .pipe(z.array(base64Key(32, "exactly"))),
  CARD_SIGNING_KEY: base64Key(32, "at least").optional(),
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  GRIEVANCE_CONTACT: z.string().trim().min(3).optional(),
  SEED_DEMO_GEOGRAPHY: z.enum(["true", "false"]).default("true"),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[A-Za-z0-9_-]+$/, "looks like 123456:ABC-DEF… (from @BotFather)").optional(),
  TELEGRAM_MODE: z.enum(["polling", "webhook"]).default("polling"),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, "")).optional(),
  TELEGRAM_WEBHOOK_SECRET: z.string().regex(/^[A-Za-z0-9_-]{1,256}$/, "1–256 of A–Z, a–z, 0–9, _ and -").optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https$/ }).optional(),
  ADMIN_TOKENS: adminTokensSchema.optional(),
  WHATSAPP_ENABLED: z.enum(["true", "false"]).default("false"),
  WHATSAPP_PAIRING_NUMBER: z.string().regex(/^[1-9]\d{7,14}$/, "E.164 digits without +, e.g. 919812345678").optional(),
  WHATSAPP_SESSION_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ or -").default("default"),
  WHATSAPP_NUMBER: z.string().regex(/^[1-9]\d{7,14}$/, "E.164 digits without +, e.g. 919812345678").optional(),
}).superRefine((e, ctx) => {
  if (e.TELEGRAM_MODE === "webhook" && e.TELEGRAM_BOT_TOKEN && !e.TELEGRAM_WEBHOOK_SECRET) {
    ctx.addIssue({ code: "custom", path: ["TELEGRAM_WEBHOOK_SECRET"], message: "required when TELEGRAM_MODE=webhook" });
  }
});

/**
 * A readable PNG or JPEG file. Checked here, at start, so a wrong path fails fast instead of
 * every card quietly showing the generated mark.
 */
function logoFile() {
  return z.string().superRefine((file, ctx) => {
    let head: Buffer;
    try {
      head = readFileSync(file).subarray(0, 8);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})` });
      return;
    }
    const png = head.length >= 8 && head.readUInt32BE(0) === 0x89504e47;
    const jpeg = head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff;
    if (!png && !jpeg) ctx.addIssue({ code: "custom", message: `${file} is not a PNG or JPEG image` });
  });
}

/** A base64 string that decodes to `bytes` bytes ("exactly") or more ("at least"). */
function base64Key(bytes: number, rule: "exactly" | "at least") {
  return z.string().refine(
    (v) => {
      const n = Buffer.from(v, "base64").length;
      return rule === "exactly" ? n === bytes : n >= bytes;
    },
    { message: `must be base64 of ${rule} ${bytes} bytes (generate: openssl rand -base64 ${bytes})` },
  );
}

export type Config = Readonly<{
  port: number;
  host: string;
  mongodbUri: string | undefined;
  dataDir: string;
  logLevel: (typeof LOG_LEVELS)[number];
  orgName: string;
  /** PNG/JPEG file printed on ID cards instead of the generated mark; checked readable at start. */
  orgLogoPath: string | undefined;
  timezone: string;
  quietHours: { start: string; end: string };
  shutdownGraceMs: number;
  webSimulator: boolean;
  flowsDir: string;
  localesDir: string;
  fieldEncryptionKey: string | undefined;
  fieldEncryptionPreviousKeys: string[];
  cardSigningKey: string | undefined;
  /** Public base URL of this deployment (ID-card QR codes, card image links); default http://localhost:PORT. */
  publicBaseUrl: string;
  /** Who handles grievances (DPDP Act), named in the consent notice; undefined = not configured. */
  grievanceContact: string | undefined;
  seedDemoGeography: boolean;
  /** `number`: the linked number for wa.me referral links (else read from the linked session). */
  whatsapp: { enabled: boolean; pairingNumber: string | undefined; sessionId: string; number: string | undefined };
  /** Admin API bearer tokens (docs/admin-api.md); none = every admin request gets 401. */
  adminTokens: readonly AdminToken[];
  /** Telegram is on when a bot token is configured. */
  telegram:
    | { token: string; mode: "polling" | "webhook"; apiRoot: string | undefined; webhookSecret: string | undefined; webhookUrl: string | undefined }
    | undefined;
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Reads and validates `env` (normally `process.env`). Throws ConfigError listing every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" so a blank line in .env falls back to the default.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`));
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    mongodbUri: e.MONGODB_URI,
    dataDir: e.DATA_DIR,
    logLevel: e.LOG_LEVEL,
    orgName: e.ORG_NAME,
    orgLogoPath: e.ORG_LOGO_PATH,
    timezone: e.TIMEZONE,
    quietHours: { start: e.QUIET_HOURS_START, end: e.QUIET_HOURS_END },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    webSimulator: e.WEB_SIMULATOR === "true",
    flowsDir: e.FLOWS_DIR,
    localesDir: e.LOCALES_DIR,
    fieldEncryptionKey: e.FIELD_ENCRYPTION_KEY,
    fieldEncryptionPreviousKeys: e.FIELD_ENCRYPTION_PREVIOUS_KEYS,
    cardSigningKey: e.CARD_SIGNING_KEY,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ""),
    grievanceContact: e.GRIEVANCE_CONTACT,
    seedDemoGeography: e.SEED_DEMO_GEOGRAPHY === "true",
    whatsapp: { enabled: e.WHATSAPP_ENABLED === "true", pairingNumber: e.WHATSAPP_PAIRING_NUMBER, sessionId: e.WHATSAPP_SESSION_ID, number: e.WHATSAPP_NUMBER },
    adminTokens: e.ADMIN_TOKENS ?? [],
    telegram: e.TELEGRAM_BOT_TOKEN
      ? { token: e.TELEGRAM_BOT_TOKEN, mode: e.TELEGRAM_MODE, apiRoot: e.TELEGRAM_API_ROOT, webhookSecret: e.TELEGRAM_WEBHOOK_SECRET, webhookUrl: e.TELEGRAM_WEBHOOK_URL }
      : undefined,
  });
}
