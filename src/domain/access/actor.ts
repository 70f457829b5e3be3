/**
 * Who calls the admin API: a named actor with a role and an area, configured as bearer tokens
 * (`ADMIN_TOKENS`, a JSON array validated by `adminTokensSchema`; see docs/admin-api.md).
 */
import { z } from "zod";
import { parseArea, type Area } from "./area.js";

/** Roles an admin-API token may carry. `admin` sees unmasked data; `coordinator` is bound to an area. */
export const ACTOR_ROLES = ["admin", "coordinator"] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export interface Actor {
  /** Stable, non-personal name of the token holder (`lko-coordinator`); written to the audit log. */
  name: string;
  role: ActorRole;
  area: Area;
}

/** One configured token. */
export const adminTokenSchema = z
  .strictObject({
    name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/, "1–40 letters, digits, _ . or -"),
    role: z.enum(ACTOR_ROLES),
    scope: z.string().refine((s) => parseArea(s) !== undefined, "an area: *, UP, UP:D:LKO, UP:AC:170 or UP:AC:170:P:12"),
    token: z
      .string()
      .min(32, "at least 32 characters (generate: openssl rand -base64 32)")
      .max(512)
      .regex(/^[A-Za-z0-9+/=._~-]+$/, "token68 characters only (base64, base64url or hex)"),
  })
  .refine((t) => t.role === "admin" || t.scope.trim() !== "*", { message: "a coordinator needs an area, not *", path: ["scope"] });

export type AdminToken = z.infer<typeof adminTokenSchema>;

/** `ADMIN_TOKENS`: a JSON array of tokens with unique names and unique token values. */
export const adminTokensSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON array: [{"name","role","scope","token"}]' });
      return z.NEVER;
    }
  })
  .pipe(
    z
      .array(adminTokenSchema)
      .refine((ts) => new Set(ts.map((t) => t.name)).size === ts.length, "token names must be unique")
      .refine((ts) => new Set(ts.map((t) => t.token)).size === ts.length, "token values must be unique"),
  );

/** The actor a (validated) token stands for. */
export function actorOf(token: AdminToken): Actor {
  const area = parseArea(token.scope);
  if (!area) throw new Error(`invalid scope for token ${token.name}`); // excluded by the schema
  return { name: token.name, role: token.role, area };
}
