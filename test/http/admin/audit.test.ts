import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, TOKENS, type AdminHarness } from "./harness.js";

describe("admin API audit", () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness();
  }, 120_000);
  afterAll(async () => h?.stop());

  const entries = async () => (await h.sampark.connection.collection("admin_audit_log").find({}).sort({ _id: 1 }).toArray()).map(({ _id, at: _at, ...e }) => e);

  it("records who asked what, for which area, with how many results — and no personal values", async () => {
    const coordinator = TOKENS.acCoordinator.token;
    await h.get(`/members?name=${encodeURIComponent("Asha")}`, coordinator);
    await h.get(`/members?number=${h.members.asha.number}&ac=170`, coordinator);
    await h.get("/members?ac=171", coordinator);
    await h.get("/members/export.csv?sensitive=true", TOKENS.admin.token).then((r) => r.text());
    await h.get("/members/export.csv?sensitive=true", coordinator).then((r) => r.text());
    await h.post(`/members/${h.members.asha._id}/roles`, { role: "enroller", scope: "UP:AC:170:P:3" }, coordinator);
    await h.post(`/members/${h.members.asha._id}/roles`, { role: "admin" }, coordinator);
    await h.get("/members?ac=abc", coordinator);

    const log = await entries();
    const by = (action: string) => log.filter((e) => e["action"] === action);
    expect(by("members.search")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "sn-coordinator", role: "coordinator", outcome: "ok", area: "UP:AC:170", criteria: ["name"], count: 1 }),
        expect.objectContaining({ outcome: "ok", area: "UP:AC:170", criteria: ["number"], count: 1 }),
        expect.objectContaining({ outcome: "outside_scope", criteria: [] }),
        expect.objectContaining({ outcome: "invalid", criteria: ["ac"] }),
      ]),
    );
    // Entries carry the (pinned) request time, so their order here is not the request order.
    expect(by("members.export")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ actor: "hq-admin", outcome: "ok", area: "*", criteria: ["sensitive"], count: 6 }),
        expect.objectContaining({ actor: "sn-coordinator", outcome: "forbidden", criteria: ["sensitive"] }),
      ]),
    );
    expect(by("members.roles")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ outcome: "ok", memberId: h.members.asha._id, change: { op: "grant", role: "enroller", scope: "UP:AC:170:P:3" }, count: 1 }),
        expect.objectContaining({ outcome: "forbidden" }),
      ]),
    );
    expect([by("members.search").length, by("members.export").length, by("members.roles").length]).toEqual([4, 2, 2]);
    expect(log).toHaveLength(8);

    const stored = JSON.stringify([...log, ...(await h.sampark.connection.collection("audit_log").find({}).toArray())]);
    for (const value of h.personalValues) expect(stored, value).not.toContain(value);
    expect(stored).not.toMatch(/asha/i);
  });

  it("does not write unauthenticated requests to the audit log, but logs them without the token", async () => {
    const before = (await entries()).length;
    await h.get("/members", "wrong-token-wrong-token-wrong-token-0");
    expect(await entries()).toHaveLength(before);
    const lines = h.sampark.logs.lines().filter((l) => String(l["msg"]).startsWith("admin api:"));
    expect(lines.at(-1)).toMatchObject({ msg: "admin api: unknown bearer token", path: "/members" });
    expect(JSON.stringify(lines)).not.toContain("wrong-token");
  });
});
