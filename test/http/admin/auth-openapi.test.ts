import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAdminHarness, TOKENS, type AdminHarness } from "./harness.js";

describe("admin API authentication", () => {
  let h: AdminHarness;
  beforeAll(async () => {
    h = await startAdminHarness();
  }, 120_000);
  afterAll(async () => h?.stop());

  it("answers 401 with a Bearer challenge without a token, with a wrong one, or with another scheme", async () => {
    const wrongSameLength = TOKENS.admin.token.slice(0, -1) + (TOKENS.admin.token.endsWith("A") ? "B" : "A");
    const attempts: [string, Record<string, string>][] = [
      ["none", {}],
      ["wrong", { authorization: `Bearer ${wrongSameLength}` }],
      ["prefix of a real token", { authorization: `Bearer ${TOKENS.admin.token.slice(0, 20)}` }],
      ["basic", { authorization: `Basic ${Buffer.from(`x:${TOKENS.admin.token}`).toString("base64")}` }],
      ["empty bearer", { authorization: "Bearer " }],
    ];
    for (const path of ["/members", "/members/export.csv", "/nowhere"]) {
      for (const [what, headers] of attempts) {
        const res = await fetch(`${h.url}${path}`, { headers });
        expect(res.status, `${path}, ${what}`).toBe(401);
        expect(res.headers.get("www-authenticate"), `${path}, ${what}`).toMatch(/^Bearer realm="sampark-admin"/);
        expect(await res.json()).toEqual({ error: "unauthorized" });
      }
    }
    const roles = await h.post(`/members/${h.members.asha._id}/roles`, { role: "admin" });
    expect(roles.status).toBe(401);
    expect((await h.sampark.connection.collection("members").findOne({ _id: h.members.asha._id as never }))?.["roles"]).toEqual([]);
  });

  it("says invalid_token when a token was sent but is not known", async () => {
    const res = await h.get("/members", "x".repeat(40));
    expect(res.headers.get("www-authenticate")).toBe('Bearer realm="sampark-admin", error="invalid_token"');
  });

  it("accepts each configured token as its own actor", async () => {
    for (const t of Object.values(TOKENS)) expect((await h.get("/members", t.token)).status).toBe(200);
    const entries = (await h.sampark.connection.collection("admin_audit_log").find({}).toArray()).map((e) => e["actor"]);
    expect(new Set(entries)).toEqual(new Set(Object.values(TOKENS).map((t) => t.name)));
  });
});

describe("GET /api/admin/openapi.json", () => {
  let h: AdminHarness;
  let doc: Record<string, unknown> & { paths: Record<string, Record<string, { parameters?: { name: string }[]; responses: object }>> };
  beforeAll(async () => {
    h = await startAdminHarness();
    const res = await h.get("/openapi.json");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    doc = JSON.parse(await res.text()) as typeof doc;
  }, 120_000);
  afterAll(async () => h?.stop());

  it("is an OpenAPI 3.1 document describing every route, with bearer security", () => {
    expect(doc).toMatchObject({ openapi: "3.1.0", servers: [{ url: "/api/admin" }], security: [{ bearer: [] }] });
    expect(doc["components"]).toMatchObject({ securitySchemes: { bearer: { type: "http", scheme: "bearer" } } });
    expect(Object.keys(doc.paths).sort()).toEqual(["/members", "/members/export.csv", "/members/{id}/roles", "/openapi.json"]);
    expect(Object.keys(doc.paths["/members/{id}/roles"]!)).toEqual(["post"]);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) expect(Object.keys(op.responses), `${method} ${path}`).toContain("200");
    }
  });

  it("takes its parameters and bodies from the zod schemas the handlers use", () => {
    const params = (path: string) => doc.paths[path]!["get"]!.parameters!.map((p) => p.name);
    expect(params("/members")).toEqual(["state", "district", "ac", "booth", "name", "number", "page", "pageSize"]);
    expect(params("/members/export.csv")).toEqual(["state", "district", "ac", "booth", "name", "number", "sensitive"]);
    const schemas = (doc["components"] as { schemas: Record<string, { properties?: Record<string, { enum?: string[] }> }> }).schemas;
    expect(schemas["RoleChange"]?.properties?.["role"]?.enum).toEqual(["enroller", "chief_enroller", "trainer", "coordinator", "admin"]);
    expect(Object.keys(schemas["SearchResult"]?.properties ?? {})).toEqual(["items", "page", "pageSize", "total", "hasNext", "masked"]);
  });

  it("has only references that resolve and no JSON Schema dialect keys inside", () => {
    const text = JSON.stringify(doc);
    const refs = [...text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    const schemas = (doc["components"] as { schemas: Record<string, unknown> }).schemas;
    for (const ref of refs) expect(schemas, ref).toHaveProperty(ref);
    expect(text).not.toContain("$schema");
  });
});
