import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csvCell } from "../../../src/http/admin/csv.js";
import { startAdminHarness, TOKENS, PRIYA, type AdminHarness } from "./harness.js";

/** A minimal RFC 4180 reader: enough to check what a spreadsheet would see. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && c === "\r" && text[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("GET /api/admin/members/export.csv", () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness();
  }, 120_000);
  afterAll(async () => h?.stop());

  const download = async (query: string, bearer: string) => {
    const res = await h.get(`/members/export.csv${query}`, bearer);
    // fetch's text() drops a byte-order mark; keep it to check it is there.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await res.arrayBuffer());
    const rows = res.status === 200 ? parseCsv(text.replace(/^\uFEFF/, "")) : [];
    const byName = new Map(rows.slice(1).map((r) => [r[1]!, Object.fromEntries(rows[0]!.map((h, i) => [h, r[i] ?? ""]))]));
    return { res, text, rows, byName };
  };

  it("streams UTF-8 CSV with a BOM and one row per member in the caller's area", async () => {
    const { res, text, rows, byName } = await download("", TOKENS.acCoordinator.token);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="members.csv"');
    expect(text.startsWith("\uFEFFnumber,name,phone,epic,age,gender,state,district,ac,booth,address,roles,enrolled_at\r\n")).toBe(true);
    expect(rows).toHaveLength(4);
    expect([...byName.keys()].map((n) => n.replace(/^'/, "")).sort()).toEqual(['=HYPERLINK("http://x","y")', "Asha Devi", PRIYA.name]);
    expect(byName.get(PRIYA.name)).toMatchObject({ number: h.members.priya.number, state: "UP", district: "LKO", ac: "170", booth: "11", age: "29" });
    expect(text).not.toMatch(/Ravi|Sunita|Bihari|Gone/);
  });

  it("masks phone and voter ID below admin, and shows them to an admin", async () => {
    const coordinator = await download("?name=asha", TOKENS.acCoordinator.token);
    expect(coordinator.byName.get("Asha Devi")).toMatchObject({ phone: "'+91******0001", epic: "ASH*****66", address: "Hous…" });
    expect(coordinator.text).not.toContain("9800000001");
    const admin = await download("?name=asha", TOKENS.admin.token);
    expect(admin.byName.get("Asha Devi")).toMatchObject({ phone: "'+919800000001", epic: "ASH1234566", address: "House 5, Gali 2, Rampur" });
  });

  it("never exports religion or caste unless an admin asks for them", async () => {
    const plain = await download("", TOKENS.admin.token);
    expect(plain.rows[0]).not.toContain("religion");
    expect(plain.text).not.toMatch(/Hindu|Yadav|Sikh/);
    const refused = await download("?sensitive=true", TOKENS.districtCoordinator.token);
    expect(refused.res.status).toBe(403);
    expect(JSON.parse(refused.text)).toEqual({ error: "forbidden" });
    const asked = await download("?sensitive=true&ac=170", TOKENS.admin.token);
    expect(asked.rows[0]?.slice(-2)).toEqual(["religion", "caste"]);
    expect(asked.byName.get("Asha Devi")).toMatchObject({ religion: "Hindu", caste: "Yadav" });
    // Priya's answer was sealed by the chat wiring's own key: it stays sealed, and the cell empty.
    expect(asked.byName.get(PRIYA.name)).toMatchObject({ religion: "", caste: "" });
  });

  it("neutralises cells a spreadsheet would run as formulas", async () => {
    const { byName, text } = await download("?ac=170&booth=4", TOKENS.admin.token);
    const row = byName.get(`'=HYPERLINK("http://x","y")`);
    expect(row).toMatchObject({ gender: "'@SUM(A1)" });
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    for (const cell of ["=1+1", "+1", "-1", "@x", "\tx", "\rx"]) expect(csvCell(cell).replace(/^"/, "")).toMatch(/^'/);
    expect(csvCell("a,b\nc")).toBe('"a,b\nc"');
    expect(csvCell("plain")).toBe("plain");
  });

  it("refuses a filter outside the caller's area", async () => {
    const { res } = await download("?ac=171", TOKENS.acCoordinator.token);
    expect(res.status).toBe(403);
  });
});
