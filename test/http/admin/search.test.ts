import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, TOKENS, PRIYA, type AdminHarness } from "./harness.js";

interface Page {
  items: { id: string; number: string; name: string; phone: string; epic: string; ac?: number; booth?: number }[];
  page: number;
  total: number;
  hasNext: boolean;
  masked: boolean;
}

describe("GET /api/admin/members", () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness();
  }, 120_000);
  afterAll(async () => h?.stop());

  const search = async (query: string, bearer: string) => {
    const res = await h.get(`/members${query}`, bearer);
    return { status: res.status, body: (await res.json()) as Page };
  };
  const names = (page: Page) => page.items.map((m) => m.name).sort();

  it("lists the member who enrolled by chat, with what they typed and where they chose", async () => {
    const { body } = await search(`?number=${encodeURIComponent(h.members.priya.number)}`, TOKENS.admin.token);
    expect(body.items).toEqual([expect.objectContaining({ name: PRIYA.name, phone: PRIYA.phone, epic: PRIYA.epic, ac: 170, booth: 11 })]);
  });

  it("shows an admin every active member, never a tombstone", async () => {
    const { body } = await search("", TOKENS.admin.token);
    expect(names(body)).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "Asha Devi", "Bihari Lal", PRIYA.name, "Ravi Kumar", "Sunita Devi"]);
    expect(body).toMatchObject({ total: 6, masked: false });
  });

  it("shows an AC coordinator only the members of their AC, whatever they ask for", async () => {
    const token = TOKENS.acCoordinator.token;
    expect(names((await search("", token)).body)).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "Asha Devi", PRIYA.name]);
    // Members outside the area stay invisible to searches by name or by number.
    expect((await search("?name=ravi", token)).body.items).toEqual([]);
    expect((await search(`?number=${h.members.ravi.number}`, token)).body.items).toEqual([]);
    expect((await search(`?number=${h.members.bihari.number}`, token)).body.items).toEqual([]);
    // Asking for another place is refused, not widened.
    for (const q of ["?ac=171", "?state=BR", "?state=UP&ac=171&booth=1"]) expect(await search(q, token)).toMatchObject({ status: 403, body: { error: "outside_scope" } });
    expect(names((await search("?ac=170&booth=3", token)).body)).toEqual(["Asha Devi"]);
  });

  it("shows a district coordinator the district, not the rest of the state", async () => {
    const { body } = await search("", TOKENS.districtCoordinator.token);
    expect(names(body)).toEqual(["=HYPERLINK(\"http://x\",\"y\")", "Asha Devi", PRIYA.name, "Ravi Kumar"]);
    expect(await search("?district=KNP", TOKENS.districtCoordinator.token)).toMatchObject({ status: 403 });
    expect((await search("?ac=210", TOKENS.districtCoordinator.token)).body.items).toEqual([]);
  });

  it("masks phone, voter ID and address below admin", async () => {
    const coordinator = (await search("?name=asha", TOKENS.acCoordinator.token)).body;
    expect(coordinator).toMatchObject({ masked: true, items: [{ phone: "+91******0001", epic: "ASH*****66", address: "Hous…" }] });
    expect(JSON.stringify(coordinator)).not.toMatch(/9800000001|Gali 2/);
    const admin = (await search("?name=asha", TOKENS.admin.token)).body;
    expect(admin).toMatchObject({ masked: false, items: [{ phone: "+919800000001", epic: "ASH1234566", address: "House 5, Gali 2, Rampur" }] });
  });

  it("finds by the start of any word of the name, any case, and by a loosely typed membership number", async () => {
    const token = TOKENS.admin.token;
    expect(names((await search("?name=DEV", token)).body)).toEqual(["Asha Devi", "Sunita Devi"]);
    expect(names((await search("?name=evi", token)).body)).toEqual([]);
    expect(names((await search("?name=.*", token)).body)).toEqual([]); // regex characters are literal
    const loose = h.members.ravi.number.replace(/-/g, " ").toLowerCase();
    expect(names((await search(`?number=${encodeURIComponent(loose)}`, token)).body)).toEqual(["Ravi Kumar"]);
  });

  it("pages through the results", async () => {
    const token = TOKENS.admin.token;
    const first = (await search("?pageSize=4", token)).body;
    const second = (await search("?pageSize=4&page=2", token)).body;
    expect([first.items.length, first.hasNext, second.items.length, second.hasNext]).toEqual([4, true, 2, false]);
    expect(new Set([...first.items, ...second.items].map((m) => m.id)).size).toBe(6);
  });

  it("answers 400 with the problems for bad parameters", async () => {
    const token = TOKENS.admin.token;
    for (const q of ["?booth=3", "?ac=abc", "?pageSize=1000", "?unknown=1", "?number=nonsense"]) {
      const { status, body } = await search(q, token);
      expect(status, q).toBe(400);
      expect(body).toMatchObject({ error: "invalid_request" });
    }
  });
});
