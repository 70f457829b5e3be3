/**
 * The admin API on the real wiring: `startTestSampark` (embedded store, shipped flows, runtime,
 * demo geography), one member enrolled through the chat API as a person types it, the others
 * through the member repository, and the admin router served on the same store — as the lead
 * mounts it in `assemble.ts` — with a handful of tokens.
 */
import { randomBytes } from "node:crypto";
import { createApp } from "../../../src/http/app.js";
import { adminRoutes } from "../../../src/http/admin/index.js";
import { listen, type RunningServer } from "../../../src/http/serve.js";
import { createKeyring, encryptField, fieldAad, fieldKey } from "../../../src/crypto/index.js";
import { createMemberRepository, newMemberId, type Member, type NewMember } from "../../../src/store/members/repository.js";
import type { AdminToken } from "../../../src/domain/access/index.js";
import { startTestSampark, type TestSampark } from "../../support/sampark.js";
import { captureLogger } from "../../support/logger.js";
import { recentDates } from "../../support/recent-dates.js";

/** Pinned, but recent: the store sweeps TTL'd inbound events on the real clock. */
export const NOW = recentDates("2026-01-15T10:00:00Z")("2026-01-15T10:00:00Z");
const token = (name: string) => `${name}-${randomBytes(24).toString("base64url")}`;
export const TOKENS = {
  admin: { name: "hq-admin", role: "admin", scope: "*", token: token("admin") },
  acCoordinator: { name: "sn-coordinator", role: "coordinator", scope: "UP:AC:170", token: token("ac") },
  districtCoordinator: { name: "lko-coordinator", role: "coordinator", scope: "UP:D:LKO", token: token("district") },
} satisfies Record<string, AdminToken>;

const key = fieldKey(randomBytes(32));
const keyring = createKeyring(key);

/** People by their role in the tests; `priya` enrols by chat (AC 170, booth 11). */
const PEOPLE = {
  asha: { name: "Asha Devi", phone: "+919800000001", epic: "ASH1234566", district: "LKO", acNumber: 170, partNumber: 3, religion: "Hindu", caste: "Yadav", address: "House 5, Gali 2, Rampur" },
  formula: { name: "=HYPERLINK(\"http://x\",\"y\")", phone: "+919800000002", epic: "FRM1234566", district: "LKO", acNumber: 170, partNumber: 4, gender: "@SUM(A1)" },
  ravi: { name: "Ravi Kumar", phone: "+919800000003", epic: "RAV1234566", district: "LKO", acNumber: 171, partNumber: 1 },
  sunita: { name: "Sunita Devi", phone: "+919800000004", epic: "SUN1234566", district: "KNP", acNumber: 210, partNumber: 1 },
  bihari: { name: "Bihari Lal", phone: "+919800000005", epic: "BIH1234566", district: "PAT", acNumber: 180, partNumber: 1, state: "BR" },
  erased: { name: "Gone Person", phone: "+919800000006", epic: "GON1234566", district: "LKO", acNumber: 170, partNumber: 3 },
};
export const PRIYA = { name: "Priya Sharma", phone: "+919876543202", epic: "DEF2345676" };

export interface AdminHarness {
  sampark: TestSampark;
  /** Base URL of the admin app. */
  url: string;
  members: Record<keyof typeof PEOPLE | "priya", Member>;
  /** Every personal value the fixtures hold (to prove the audit log holds none). */
  personalValues: string[];
  get(path: string, bearer?: string): Promise<Response>;
  post(path: string, body: unknown, bearer?: string): Promise<Response>;
  stop(): Promise<void>;
}

export async function startAdminHarness(): Promise<AdminHarness> {
  const sampark = await startTestSampark({ now: () => NOW });
  const chatUrl = await sampark.serve();
  await enrolByChat(chatUrl, "admin-priya");
  const repo = createMemberRepository(sampark.connection);
  let priya = await repo.byContact("web:admin-priya");
  // A message whose processing failed transiently waits for the recovery job (not ticking here): drain as it would.
  for (let i = 0; !priya && i < 3; i++) {
    await sampark.runtime.drain("web:admin-priya");
    priya = await repo.byContact("web:admin-priya");
  }
  if (!priya) {
    const logs = sampark.logs.lines().map((l) => l["msg"]);
    throw new Error(`enrolment by chat did not complete; last replies ${JSON.stringify(await lastReplies(sampark, "web:admin-priya"))}; logs ${JSON.stringify(logs)}`);
  }
  const members = { priya } as AdminHarness["members"];
  for (const [who, p] of Object.entries(PEOPLE)) members[who as keyof typeof PEOPLE] = await create(repo, who, p);
  await repo.erase(members.erased._id, NOW);
  const app = createApp({
    log: captureLogger("warn").log,
    storeReady: async () => true,
    routers: [adminRoutes({ connection: sampark.connection, tokens: Object.values(TOKENS), keyring, log: sampark.logs.log, now: () => NOW })],
  });
  const server: RunningServer = await listen(app, 0, "127.0.0.1");
  const url = `http://127.0.0.1:${server.port}/api/admin`;
  const auth = (bearer?: string): Record<string, string> => (bearer ? { authorization: `Bearer ${bearer}` } : {});
  const numbers = Object.values(members).map((m) => m.number);
  return {
    sampark,
    url,
    members,
    personalValues: [...Object.values(PEOPLE).flatMap((p) => [p.name, p.phone, p.epic, p.phone.slice(-10)]), ...Object.values(PRIYA), "Hindu", "Yadav", "Sikh", ...numbers],
    get: (path, bearer) => fetch(`${url}${path}`, { headers: auth(bearer) }),
    post: (path, body, bearer) => fetch(`${url}${path}`, { method: "POST", headers: { ...auth(bearer), "content-type": "application/json" }, body: JSON.stringify(body) }),
    async stop() {
      await server.close(500);
      await sampark.stop();
    },
  };
}

async function create(repo: ReturnType<typeof createMemberRepository>, who: string, p: (typeof PEOPLE)[keyof typeof PEOPLE]): Promise<Member> {
  const id = newMemberId();
  const sealed = "religion" in p ? { religion: encryptField(key, p.religion, fieldAad("members", id, "religion")), caste: encryptField(key, p.caste, fieldAad("members", id, "caste")) } : undefined;
  const member: NewMember = {
    _id: id,
    state: "state" in p ? p.state : "UP",
    name: p.name,
    phone: p.phone,
    epic: p.epic,
    age: 40,
    district: p.district,
    acNumber: p.acNumber,
    partNumber: p.partNumber,
    ...("gender" in p ? { gender: p.gender } : {}),
    ...("address" in p ? { address: p.address } : {}),
    ...(sealed ? { sensitive: sealed } : {}),
    roles: [],
    contactKeys: [`web:admin-${who}`],
    consents: [],
  };
  const created = await repo.create(member, NOW);
  if (!created.ok) throw new Error(`fixture ${who}: ${created.reason}`);
  return created.member;
}

async function lastReplies(sampark: TestSampark, contactKey: string): Promise<unknown[]> {
  const rows = await sampark.models.outbox.find({ contactKey }).sort({ seq: -1 }).limit(3).lean();
  return rows.map((r) => (r.payload as { text?: string }).text);
}

/** The answers of test/transcripts/enrol-02-happy-en.yaml, booth typed by number (AC 170, part 11). */
async function enrolByChat(url: string, contactId: string): Promise<void> {
  const answers = ["hello", "english", "join", "yes", PRIYA.name, "29", "female", PRIYA.phone.slice(3), PRIYA.epic, "170", "1", "11", "1", "skip", "skip", "yes", "Sikh", "skip", "yes"];
  for (const [i, text] of answers.entries()) {
    const res = await fetch(`${url}/api/chat/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      // Zero-padded: with the pinned clock every event has the same receivedAt, and ties go by id.
      body: JSON.stringify({ contact: { id: contactId }, messageId: `${contactId}-${String(i).padStart(2, "0")}`, text }),
    });
    if (res.status !== 200) throw new Error(`chat turn ${i}: ${res.status}`);
  }
}
