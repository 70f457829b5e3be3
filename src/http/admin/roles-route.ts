/**
 * `POST /members/:id/roles`: grant or revoke a role. Admins grant any role inside their area; a
 * coordinator grants or revokes `enroller` for members and areas inside theirs
 * (`decideRoleChange`). Audited twice: in the admin log (who, which role, which area) and in the
 * member's own audit trail (`member.updated`, field `roles`).
 */
import type { Request, Response } from "express";
import { applyRoleChange, areaId, decideRoleChange, parseArea, type Area, type DistrictOfAc } from "../../domain/access/index.js";
import { acKey } from "../../domain/geo/keys.js";
import type { MemberDoc, RoleGrant } from "../../store/members/model.js";
import { actorFrom } from "./auth.js";
import { audit, invalid, type AdminContext } from "./context.js";
import { memberIdSchema, roleChangeSchema } from "./schemas.js";

const ATTEMPTS = 3;

export function assignRole(ctx: AdminContext, memberAudit: (memberId: string, actor: string, at: Date) => Promise<void>) {
  return async (req: Request, res: Response): Promise<void> => {
    const actor = actorFrom(res);
    const parsed = roleChangeSchema.safeParse(req.body ?? {});
    if (!parsed.success) return invalid(ctx, res, actor, "members.roles", parsed.error);
    const id = memberIdSchema.safeParse(req.params["id"]);
    const { op, role } = parsed.data;
    const requestedArea = parsed.data.scope === undefined ? undefined : parseArea(parsed.data.scope);
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const member = id.success ? await ctx.queries.member(id.data) : undefined;
      const districtOf = member ? await districtLookup(ctx, member, requestedArea ?? actor.area) : undefined;
      const decision = member ? decideRoleChange(actor, member, { op, role, area: requestedArea }, districtOf) : ({ ok: false, reason: "not_found" } as const);
      if (!decision.ok || !member) {
        const reason = decision.ok ? "not_found" : decision.reason;
        await audit(ctx, actor, { action: "members.roles", outcome: reason, criteria: [] });
        res.status(reason === "not_found" ? 404 : 403).json({ error: reason });
        return;
      }
      const roles = applyRoleChange(member.roles, op, role, decision.value, districtOf) as RoleGrant[];
      const now = ctx.now();
      const updated = await ctx.queries.setRoles(member._id, member.updatedAt, roles, now);
      if (!updated) continue; // changed meanwhile (an enrolment update, another admin): decide again on fresh data
      const change = { op, role, scope: areaId(decision.value) };
      await audit(ctx, actor, { action: "members.roles", outcome: "ok", criteria: [], memberId: member._id, change, count: 1 });
      await memberAudit(member._id, `admin:${actor.name}`, now);
      res.json({ id: updated._id, number: updated.number, roles: updated.roles });
      return;
    }
    await audit(ctx, actor, { action: "members.roles", outcome: "conflict", criteria: [] });
    res.status(409).json({ error: "conflict" });
  };
}

/** The districts of every AC that the decision may need: the change's area and the member's AC-level grants. */
async function districtLookup(ctx: AdminContext, member: MemberDoc, area: Area): Promise<DistrictOfAc> {
  const areas = [area, ...member.roles.flatMap((r) => (r.scope ? [parseArea(r.scope.id)] : []))];
  const acs = areas.flatMap((a) => (a && (a.level === "ac" || a.level === "booth") ? [acKey(a.state, a.acNumber)] : []));
  if (acs.length === 0) return () => undefined;
  const districts = await ctx.queries.districtsOf([...new Set(acs)]);
  return (ac) => districts.get(ac);
}
