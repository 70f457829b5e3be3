/** The pure rules behind the admin API (`src/domain/access`), checked without a store. */
import { describe, expect, it } from "vitest";
import {
  adminTokensSchema,
  applyRoleChange,
  areaId,
  areaWithin,
  decideRoleChange,
  maskEpic,
  maskPhone,
  narrowToArea,
  parseArea,
  placeInArea,
  type Actor,
  type Area,
} from "../../../src/domain/access/index.js";

const area = (id: string): Area => parseArea(id)!;
const coordinator = (scope: string): Actor => ({ name: "c", role: "coordinator", area: area(scope) });
const LKO = (ac: string) => (ac === "UP:AC:170" || ac === "UP:AC:171" ? "LKO" : undefined);

describe("areas", () => {
  it("parse geography keys and print them back", () => {
    for (const id of ["*", "UP", "UP:D:LKO", "UP:AC:170", "UP:AC:170:P:12"]) expect(areaId(area(id))).toBe(id);
    for (const id of ["", "up", "UP:B:SN", "UP:AC:0", "UP:AC:170:P:", "U", "UP:D:"]) expect(parseArea(id), id).toBeUndefined();
  });

  it("contain places and other areas; an AC is in a district only when the geography says so", () => {
    expect(placeInArea(area("UP:AC:170"), { state: "UP", acNumber: 170, partNumber: 3 })).toBe(true);
    expect(placeInArea(area("UP:AC:170"), { state: "BR", acNumber: 170 })).toBe(false);
    expect(placeInArea(area("UP:D:LKO"), { state: "UP" })).toBe(false); // no district on record: outside
    expect(areaWithin(area("UP:AC:170"), area("UP:AC:170:P:3"))).toBe(true);
    expect(areaWithin(area("UP:AC:170:P:3"), area("UP:AC:170"))).toBe(false);
    expect(areaWithin(area("UP:D:LKO"), area("UP:AC:170"))).toBe(false);
    expect(areaWithin(area("UP:D:LKO"), area("UP:AC:170"), LKO)).toBe(true);
    expect(areaWithin(area("UP:D:LKO"), area("UP:AC:210"), LKO)).toBe(false);
    expect(areaWithin(area("UP"), area("*"))).toBe(false);
    expect(areaWithin(area("*"), area("BR:AC:1"))).toBe(true);
  });

  it("narrow a query to the actor's area, refusing contradictions", () => {
    expect(narrowToArea(area("UP:AC:170"), { partNumber: 3 })).toEqual({ ok: true, value: { state: "UP", acNumber: 170, partNumber: 3 } });
    expect(narrowToArea(area("UP:AC:170"), { acNumber: 171 })).toEqual({ ok: false, reason: "outside_scope" });
    expect(narrowToArea(area("*"), { state: "BR" })).toEqual({ ok: true, value: { state: "BR" } });
  });
});

describe("role changes", () => {
  const inAc170 = { state: "UP", district: "LKO", acNumber: 170, partNumber: 3 };
  it("let a coordinator grant enroller only, inside their area", () => {
    expect(decideRoleChange(coordinator("UP:AC:170"), inAc170, { op: "grant", role: "enroller" })).toEqual({ ok: true, value: area("UP:AC:170") });
    expect(decideRoleChange(coordinator("UP:AC:170"), inAc170, { op: "grant", role: "trainer" })).toMatchObject({ ok: false, reason: "forbidden" });
    expect(decideRoleChange(coordinator("UP:AC:171"), inAc170, { op: "grant", role: "enroller" })).toMatchObject({ ok: false, reason: "not_found" });
    expect(decideRoleChange(coordinator("UP:D:LKO"), inAc170, { op: "grant", role: "enroller", area: area("UP:AC:170") }, LKO)).toMatchObject({ ok: true });
  });

  it("add a grant once and revoke the grants inside an area", () => {
    const one = applyRoleChange([], "grant", "enroller", area("UP:AC:170"));
    expect(applyRoleChange(one, "grant", "enroller", area("UP:AC:170"))).toEqual([{ role: "enroller", scope: { level: "ac", id: "UP:AC:170" } }]);
    const two = applyRoleChange(one, "grant", "enroller", area("UP:AC:171"));
    expect(applyRoleChange(two, "revoke", "enroller", area("UP:AC:170"))).toEqual([{ role: "enroller", scope: { level: "ac", id: "UP:AC:171" } }]);
    expect(applyRoleChange(two, "revoke", "enroller", area("UP:D:LKO"), LKO)).toEqual([]);
    expect(applyRoleChange([{ role: "admin" }], "revoke", "admin", area("UP"))).toEqual([{ role: "admin" }]);
    expect(applyRoleChange([{ role: "admin" }], "revoke", "admin", area("*"))).toEqual([]);
  });
});

describe("masking and token configuration", () => {
  it("masks phone and EPIC", () => {
    expect([maskPhone("+919876543210"), maskEpic("ABC1234567"), maskPhone(undefined)]).toEqual(["+91******3210", "ABC*****67", ""]);
  });

  it("validates ADMIN_TOKENS: JSON, long tokens, known roles and areas, unique names and tokens", () => {
    const t = (o: object) => ({ name: "a", role: "admin", scope: "*", token: "t".repeat(32), ...o });
    const parse = (v: unknown) => adminTokensSchema.safeParse(typeof v === "string" ? v : JSON.stringify(v));
    expect(parse([t({})])).toMatchObject({ success: true, data: [t({})] });
    expect(parse("a:admin:*:token").success).toBe(false);
    for (const bad of [[t({ token: "short" })], [t({ role: "king" })], [t({ scope: "Lucknow" })], [t({ role: "coordinator" })], [t({}), t({ token: "u".repeat(32) })], [t({}), t({ name: "b" })]]) {
      expect(parse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
