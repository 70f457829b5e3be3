/**
 * What an admin-API actor may see and change. Pure rules; the HTTP layer asks, the store obeys.
 * A coordinator is confined to their area: every query is narrowed to it, and any filter that
 * points outside it is refused rather than silently widened.
 */
import type { Actor } from "./actor.js";
import { areaConstraints, areaId, areaWithin, parseArea, placeInArea, type Area, type DistrictOfAc, type Place } from "./area.js";

/** Roles that can be granted to a member (`member` itself is implied by membership). */
export const ASSIGNABLE_ROLES = ["enroller", "chief_enroller", "trainer", "coordinator", "admin"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** A role grant as stored on a member (structurally the store's `RoleGrant`). */
export interface Grant {
  role: string;
  scope?: { level: string; id: string } | undefined;
}

export type Decision<T> = { ok: true; value: T } | { ok: false; reason: "forbidden" | "outside_scope" | "not_found" };

/** Whether EPIC and phone are shown in full (issue 4: masked in every listing below admin). */
export function seesIdentifiers(actor: Actor): boolean {
  return actor.role === "admin";
}

/** Religion and caste leave the store only for an admin who asked for them explicitly. */
export function mayExportSensitive(actor: Actor, requested: boolean): Decision<boolean> {
  if (!requested) return { ok: true, value: false };
  return actor.role === "admin" ? { ok: true, value: true } : { ok: false, reason: "forbidden" };
}

/**
 * The constraints of a member query: the actor's area AND what was asked for. Asking for a
 * place that contradicts the area (another state, another AC) is `outside_scope`.
 */
export function narrowToArea(area: Area, requested: Partial<Place>): Decision<Partial<Place>> {
  const fixed = areaConstraints(area);
  for (const [field, value] of Object.entries(requested)) {
    if (value === undefined) continue;
    const own = fixed[field as keyof Place];
    if (own !== undefined && own !== value) return { ok: false, reason: "outside_scope" };
  }
  const merged: Partial<Place> = { ...fixed };
  for (const [field, value] of Object.entries(requested)) if (value !== undefined) Object.assign(merged, { [field]: value });
  return { ok: true, value: merged };
}

export interface RoleChange {
  op: "grant" | "revoke";
  role: AssignableRole;
  /** The area of the grant; when absent, the actor's own area. */
  area?: Area | undefined;
}

/**
 * Whether `actor` may make `change` to a member at `target`. Admins grant any role within their
 * area; a coordinator only `enroller`, to a member inside their area, for an area inside it.
 * A member outside the actor's area is `not_found`: its existence is not confirmed.
 */
export function decideRoleChange(actor: Actor, target: Place, change: RoleChange, districtOf?: DistrictOfAc): Decision<Area> {
  if (!placeInArea(actor.area, target)) return { ok: false, reason: "not_found" };
  if (actor.role === "coordinator" && change.role !== "enroller") return { ok: false, reason: "forbidden" };
  const area = change.area ?? actor.area;
  if (!areaWithin(actor.area, area, districtOf)) return { ok: false, reason: "outside_scope" };
  return { ok: true, value: area };
}

/** The member's grants after the change: a grant is added once; a revoke removes the role's grants inside `area`. */
export function applyRoleChange(grants: readonly Grant[], op: RoleChange["op"], role: string, area: Area, districtOf?: DistrictOfAc): Grant[] {
  const scope = area.level === "all" ? undefined : { level: area.level, id: areaId(area) };
  if (op === "grant") {
    const present = grants.some((g) => g.role === role && g.scope?.id === scope?.id);
    return present ? [...grants] : [...grants, scope ? { role, scope } : { role }];
  }
  return grants.filter((g) => g.role !== role || !grantWithin(area, g, districtOf));
}

function grantWithin(area: Area, grant: Grant, districtOf?: DistrictOfAc): boolean {
  if (!grant.scope) return area.level === "all";
  const granted = parseArea(grant.scope.id);
  // A scope we cannot read (a block) is only removable from everywhere.
  return granted ? areaWithin(area, granted, districtOf) : area.level === "all";
}
