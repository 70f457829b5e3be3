import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuditLog } from "../../../src/store/members/audit.js";
import { startAdminHarness, TOKENS, type AdminHarness } from "./harness.js";

describe("POST /api/admin/members/:id/roles", () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness();
  }, 120_000);
  afterAll(async () => h?.stop());

  const change = async (id: string, body: unknown, bearer: string) => {
    const res = await h.post(`/members/${id}/roles`, body, bearer);
    return { status: res.status, body: (await res.json()) as { roles?: unknown[]; error?: string } };
  };
  const rolesOfContact = async (key: string) => (await h.sampark.connection.collection("contacts").findOne({ _id: key as never }))?.["roles"];

  it("lets an AC coordinator make a member of their AC an enroller for the AC, or for a booth in it", async () => {
    const asha = h.members.asha._id;
    expect(await change(asha, { role: "enroller" }, TOKENS.acCoordinator.token)).toEqual({
      status: 200,
      body: { id: asha, number: h.members.asha.number, roles: [{ role: "enroller", scope: { level: "ac", id: "UP:AC:170" } }] },
    });
    // Granting again changes nothing; a narrower area is a second grant.
    await change(asha, { role: "enroller" }, TOKENS.acCoordinator.token);
    const booth = await change(asha, { role: "enroller", scope: "UP:AC:170:P:3" }, TOKENS.acCoordinator.token);
    expect(booth.body.roles).toHaveLength(2);
    const trail = await createAuditLog(h.sampark.connection).forMember(asha);
    expect(trail.filter((e) => e.action === "member.updated")).toEqual(
      Array(3).fill(expect.objectContaining({ actor: "admin:sn-coordinator", fields: ["roles"] })),
    );
  });

  it("refuses a coordinator any other role, any member outside the area, and any area outside it", async () => {
    const token = TOKENS.acCoordinator.token;
    expect(await change(h.members.asha._id, { role: "coordinator" }, token)).toEqual({ status: 403, body: { error: "forbidden" } });
    expect(await change(h.members.asha._id, { role: "admin" }, token)).toEqual({ status: 403, body: { error: "forbidden" } });
    // Outside the area the member does not exist, as far as the coordinator can tell.
    expect(await change(h.members.ravi._id, { role: "enroller" }, token)).toEqual({ status: 404, body: { error: "not_found" } });
    expect(await change(h.members.bihari._id, { role: "enroller" }, token)).toEqual({ status: 404, body: { error: "not_found" } });
    for (const scope of ["UP:AC:171", "UP:D:LKO", "UP", "*"]) {
      expect(await change(h.members.formula._id, { role: "enroller", scope }, token), scope).toEqual({ status: 403, body: { error: "outside_scope" } });
    }
    expect(await h.sampark.connection.collection("members").findOne({ _id: h.members.ravi._id as never })).toMatchObject({ roles: [] });
  });

  it("lets a district coordinator grant for an AC of the district (from the geography) but not of another", async () => {
    const token = TOKENS.districtCoordinator.token;
    const ravi = h.members.ravi._id;
    expect((await change(ravi, { role: "enroller", scope: "UP:AC:171" }, token)).status).toBe(200);
    expect(await change(ravi, { role: "enroller", scope: "UP:AC:210" }, token)).toMatchObject({ status: 403 });
    expect(await change(h.members.sunita._id, { role: "enroller" }, token)).toMatchObject({ status: 404 });
    // Revoking inside the district removes the AC-level grant.
    expect(await change(ravi, { op: "revoke", role: "enroller" }, token)).toMatchObject({ status: 200, body: { roles: [] } });
  });

  it("lets an admin grant any role anywhere, and mirrors it onto the member's chat contact", async () => {
    const sunita = h.members.sunita._id;
    const granted = await change(sunita, { role: "coordinator", scope: "UP:D:KNP" }, TOKENS.admin.token);
    expect(granted).toMatchObject({ status: 200, body: { roles: [{ role: "coordinator", scope: { level: "district", id: "UP:D:KNP" } }] } });
    const priya = h.members.priya;
    expect((await change(priya._id, { role: "chief_enroller" }, TOKENS.admin.token)).body.roles).toEqual([{ role: "member" }, { role: "chief_enroller" }]);
    expect(await rolesOfContact(priya.contactKeys[0]!)).toEqual(["chief_enroller"]);
    await change(priya._id, { op: "revoke", role: "chief_enroller" }, TOKENS.admin.token);
    expect(await rolesOfContact(priya.contactKeys[0]!)).toEqual([]);
  });

  it("answers 400 for a bad body and 404 for an unknown or erased member", async () => {
    const token = TOKENS.admin.token;
    for (const body of [{}, { role: "king" }, { role: "enroller", scope: "Lucknow" }, { role: "enroller", extra: 1 }, { role: "enroller", op: "toggle" }]) {
      expect(await change(h.members.asha._id, body, token), JSON.stringify(body)).toMatchObject({ status: 400, body: { error: "invalid_request" } });
    }
    expect((await change("m_" + "0".repeat(32), { role: "enroller" }, token)).status).toBe(404);
    expect((await change("not-an-id", { role: "enroller" }, token)).status).toBe(404);
    expect((await change(h.members.erased._id, { role: "enroller" }, token)).status).toBe(404);
  });
});
