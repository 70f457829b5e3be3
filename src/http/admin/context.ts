/** What the admin route handlers share: the queries, the keyring, the clock, and the audit helpers. */
import type { Response } from "express";
import type { z } from "zod";
import type { FieldKeyring } from "../../crypto/index.js";
import type { Actor } from "../../domain/access/index.js";
import type { Logger } from "../../log.js";
import type { AdminAuditDoc, AdminQueries } from "../../store/members/admin-queries.js";

export interface AdminContext {
  queries: AdminQueries;
  keyring: FieldKeyring;
  log: Logger;
  now(): Date;
}

type Entry = Omit<AdminAuditDoc, "_id" | "at" | "actor" | "role">;

/** Writes one admin audit entry for `actor` (names and counts only; see AdminAuditDoc). */
export async function audit(ctx: AdminContext, actor: Actor, entry: Entry): Promise<void> {
  await ctx.queries.record({ at: ctx.now(), actor: actor.name, role: actor.role, ...entry });
}

/**
 * A request that failed validation: 400 with the issues, audited by parameter names only — the
 * zod messages name paths and rules, never the rejected values.
 */
export async function invalid(ctx: AdminContext, res: Response, actor: Actor, action: Entry["action"], error: z.ZodError): Promise<void> {
  const issues = error.issues.map((i) => `${i.path.join(".") || "(body)"}: ${i.message}`);
  const criteria = [...new Set(error.issues.map((i) => String(i.path[0] ?? "(body)")))];
  await audit(ctx, actor, { action, outcome: "invalid", criteria });
  res.status(400).json({ error: "invalid_request", issues });
}
