import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Connection } from "mongoose";
import { createMemberRepository, newMemberId, type MemberRepository, type NewMember } from "../../../src/store/members/repository.js";
import { createAuditLog } from "../../../src/store/members/audit.js";
import { openGeoStore } from "../geo/harness.js";

const NOW = new Date("2025-03-01T10:00:00Z");
const consent = { purpose: "membership" as const, noticeVersion: "membership-abc", language: "hi" as const, at: NOW, channel: "web", method: "self" as const };

function person(overrides: Partial<NewMember> = {}): NewMember {
  return { _id: newMemberId(), state: "UP", district: "LKO", acNumber: 170, partNumber: 12, name: "आशा", phone: "+919876500001", epic: "ABC1234566", age: 30, roles: [{ role: "member" }], contactKeys: ["web:a"], consents: [consent], ...overrides };
}

describe("member repository", () => {
  let store: { connection: Connection; close(): Promise<void> };
  let repo: MemberRepository;
  beforeAll(async () => {
    store = await openGeoStore("members-repo");
    repo = createMemberRepository(store.connection);
    await repo.init();
  });
  afterAll(async () => store?.close());

  it("numbers members per state with a check character and uses the number as referral code", async () => {
    const created = await repo.create(person(), NOW);
    expect(created).toMatchObject({ ok: true, member: { number: "UP-0000001-W", referralCode: "UP0000001W", status: "active" } });
    expect(await repo.byReferralCode("UP0000001W")).toMatchObject({ name: "आशा" });
  });

  it("refuses a second member with the same EPIC in the same state, but not in another state", async () => {
    expect(await repo.create(person({ phone: "+919876500002", contactKeys: ["web:b"] }), NOW)).toEqual({ ok: false, reason: "duplicate" });
    const elsewhere = await repo.create(person({ state: "BR", district: "PAT", phone: "+919876500003", contactKeys: ["web:c"] }), NOW);
    expect(elsewhere).toMatchObject({ ok: true, member: { number: "BR-0000001-E", epic: "ABC1234566" } });
  });

  it("refuses a second member with the same phone and finds duplicates by EPIC or phone", async () => {
    expect(await repo.create(person({ epic: "XYZ1234566" }), NOW)).toEqual({ ok: false, reason: "duplicate" });
    expect(await repo.findDuplicate({ state: "UP", epic: "ABC1234566" })).toMatchObject({ number: "UP-0000001-W" });
    expect(await repo.findDuplicate({ state: "UP", epic: "NEW1234566", phone: "+919876500001" })).toMatchObject({ number: "UP-0000001-W" });
    expect(await repo.findDuplicate({ state: "MP", epic: "ABC1234566" })).toBeUndefined();
  });

  it("counts recruitment credits per district from the members themselves, earliest member first on ties", async () => {
    const a = await repo.byContact("web:a");
    const c = await repo.byContact("web:c");
    await repo.create(person({ epic: "REF0000011", phone: "+919876500011", contactKeys: ["web:r1"], referredBy: a?._id, creditedTo: a?._id, creditDistrict: "LKO" }), NOW);
    await repo.create(person({ epic: "REF0000022", phone: "+919876500012", contactKeys: ["web:r2"], referredBy: a?._id, creditedTo: a?._id, creditDistrict: "LKO" }), NOW);
    await repo.create(person({ epic: "REF0000033", phone: "+919876500013", contactKeys: ["web:r3"], creditedTo: c?._id, creditDistrict: "LKO" }), NOW);
    expect((await repo.credits("LKO")).map((x) => [x.name, x.credits])).toEqual([["आशा", 2], ["आशा", 1]]);
  });

  it("erases to a tombstone: personal fields gone, number and consent evidence kept, unique slots freed", async () => {
    const member = await repo.create(person({ epic: "DEL1234566", phone: "+919876500099", contactKeys: ["web:del"], photo: { fileId: "6b122d2d354d062433f06be3", storedAt: NOW }, sensitive: { religion: "v1.sealed" } }), NOW);
    if (!member.ok) throw new Error("setup");
    expect(await repo.erase(member.member._id, NOW)).toEqual({ erased: true, photo: { fileId: "6b122d2d354d062433f06be3", storedAt: NOW } });
    const tomb = await repo.byId(member.member._id);
    expect(tomb).toMatchObject({ status: "erased", number: member.member.number, consents: [expect.objectContaining({ purpose: "membership" })], contactKeys: [] });
    for (const field of ["name", "phone", "epic", "age", "photo", "sensitive", "referralCode", "partNumber"]) expect(tomb).not.toHaveProperty(field);
    expect(await repo.erase(member.member._id, NOW)).toEqual({ erased: false });
    expect(await repo.create(person({ epic: "DEL1234566", phone: "+919876500099", contactKeys: ["web:del2"] }), NOW)).toMatchObject({ ok: true });
  });

  it("keeps audit entries that name fields, never values", async () => {
    const audit = createAuditLog(store.connection);
    await audit.record({ action: "member.corrected", memberId: "m_1", actor: "self", fields: ["name"] }, NOW);
    expect(await audit.forMember("m_1")).toEqual([expect.objectContaining({ action: "member.corrected", fields: ["name"], actor: "self" })]);
  });
});
