/**
 * `GET /members` (paginated search) and `GET /members/export.csv` (streamed), both confined to
 * the caller's area, with EPIC and phone masked below admin and religion/caste exported only to
 * an admin who asked. Each request is written to the admin audit log with its area, the kinds of
 * criteria used and the number of records — never the values searched for or returned.
 */
import type { Request, Response } from "express";
import type { z } from "zod";
import { mayExportSensitive, narrowToArea, seesIdentifiers, type Actor, type Place } from "../../domain/access/index.js";
import { acKey, boothKey, districtKey } from "../../domain/geo/keys.js";
import { parseMembershipNumber } from "../../domain/members/membership-number.js";
import type { MemberFilter } from "../../store/members/admin-queries.js";
import { actorFrom } from "./auth.js";
import { exportQuerySchema, searchQuerySchema, type ExportQuery } from "./schemas.js";
import { csvRow } from "./csv.js";
import { CSV_HEADER, csvLine, decryptSensitive, toJson } from "./member-view.js";
import { audit, invalid, type AdminContext } from "./context.js";

const DEFAULT_PAGE_SIZE = 50;

type Filtered = { ok: true; filter: MemberFilter; area: string; criteria: string[] } | { ok: false; reason: "outside_scope" | "bad_number" };

/** The query's filter narrowed to the actor's area. */
function filterFor(actor: Actor, q: Omit<ExportQuery, "sensitive">): Filtered {
  const requested: Partial<Place> = { state: q.state, district: q.district, acNumber: q.ac, partNumber: q.booth };
  const narrowed = narrowToArea(actor.area, requested);
  if (!narrowed.ok) return { ok: false, reason: "outside_scope" };
  let number: string | undefined;
  if (q.number !== undefined) {
    const parsed = parseMembershipNumber(q.number);
    if (!parsed.ok) return { ok: false, reason: "bad_number" };
    number = parsed.value.formatted;
  }
  const criteria = [...(q.name ? ["name"] : []), ...(number ? ["number"] : [])];
  return { ok: true, filter: { place: narrowed.value, namePrefix: q.name, number }, area: describeArea(narrowed.value), criteria };
}

/** The geography key of the narrowest area the constraints name (for the audit log). */
function describeArea(p: Partial<Place>): string {
  if (!p.state) return "*";
  if (p.acNumber !== undefined) return p.partNumber !== undefined ? boothKey(p.state, p.acNumber, p.partNumber) : acKey(p.state, p.acNumber);
  return p.district ? districtKey(p.state, p.district) : p.state;
}

function refuse(res: Response, status: number, error: string, issues?: string[]): void {
  res.status(status).json({ error, ...(issues ? { issues } : {}) });
}

function parseQuery<S extends z.ZodType>(schema: S, req: Request): z.ZodSafeParseResult<z.infer<S>> {
  return schema.safeParse({ ...(req.query as Record<string, unknown>) });
}

export function searchMembers(ctx: AdminContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const actor = actorFrom(res);
    const parsed = parseQuery(searchQuerySchema, req);
    if (!parsed.success) return invalid(ctx, res, actor, "members.search", parsed.error);
    const f = filterFor(actor, parsed.data);
    if (!f.ok) {
      await audit(ctx, actor, { action: "members.search", outcome: f.reason === "outside_scope" ? "outside_scope" : "invalid", criteria: [] });
      if (f.reason === "outside_scope") return refuse(res, 403, "outside_scope");
      return refuse(res, 400, "invalid_request", ["number: not a membership number"]);
    }
    const page = parsed.data.page ?? 1;
    const pageSize = parsed.data.pageSize ?? DEFAULT_PAGE_SIZE;
    const { members, total } = await ctx.queries.search(f.filter, { skip: (page - 1) * pageSize, limit: pageSize });
    await audit(ctx, actor, { action: "members.search", outcome: "ok", area: f.area, criteria: f.criteria, count: members.length });
    const masked = !seesIdentifiers(actor);
    res.set("Cache-Control", "no-store").json({ items: members.map((m) => toJson(m, masked)), page, pageSize, total, hasNext: page * pageSize < total, masked });
  };
}

export function exportMembers(ctx: AdminContext) {
  return async (req: Request, res: Response): Promise<void> => {
    const actor = actorFrom(res);
    const parsed = parseQuery(exportQuerySchema, req);
    if (!parsed.success) return invalid(ctx, res, actor, "members.export", parsed.error);
    const sensitive = mayExportSensitive(actor, parsed.data.sensitive === "true");
    const f = filterFor(actor, parsed.data);
    if (!sensitive.ok || !f.ok) {
      const outcome = !sensitive.ok ? "forbidden" : f.ok ? "ok" : f.reason === "outside_scope" ? "outside_scope" : "invalid";
      await audit(ctx, actor, { action: "members.export", outcome, criteria: sensitive.ok ? [] : ["sensitive"] });
      if (outcome === "invalid") return refuse(res, 400, "invalid_request", ["number: not a membership number"]);
      return refuse(res, 403, outcome === "forbidden" ? "forbidden" : "outside_scope");
    }
    const masked = !seesIdentifiers(actor);
    res.status(200).set({ "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": 'attachment; filename="members.csv"', "Cache-Control": "no-store" });
    // A byte-order mark, so spreadsheet programs read Devanagari names as UTF-8.
    res.write(`\uFEFF${csvRow(sensitive.value ? [...CSV_HEADER, "religion", "caste"] : CSV_HEADER)}`);
    let count = 0;
    let undecryptable = 0;
    try {
      for await (const member of ctx.queries.stream(f.filter, sensitive.value)) {
        const extra = sensitive.value ? decryptSensitive(ctx.keyring, member, () => undecryptable++) : [];
        if (!res.write(csvRow([...csvLine(member, masked), ...extra]))) await drained(res);
        if (res.destroyed) break;
        count++;
      }
      res.end();
    } catch (error) {
      ctx.log.error({ err: error }, "admin api: export failed part-way");
      res.destroy();
    }
    if (undecryptable > 0) ctx.log.warn({ undecryptable }, "admin api: sensitive fields that could not be decrypted were left empty");
    const criteria = [...f.criteria, ...(sensitive.value ? ["sensitive"] : [])];
    await audit(ctx, actor, { action: "members.export", outcome: "ok", area: f.area, criteria, count });
  };
}

/** Waits until the socket takes more, or the client went away. */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.once("drain", done);
    res.once("close", done);
  });
}
