/**
 * The admin HTTP API under `/api/admin` (docs/admin-api.md): bearer tokens from `ADMIN_TOKENS`,
 * each naming an actor with a role and an area; member search, CSV export, role assignment and
 * the OpenAPI document. Add the returned router to `createApp({ routers })`.
 */
import { Router } from "express";
import type { Connection } from "mongoose";
import type { FieldKeyring } from "../../crypto/index.js";
import type { AdminToken } from "../../domain/access/index.js";
import type { Logger } from "../../log.js";
import { createAdminQueries } from "../../store/members/admin-queries.js";
import { createAuditLog } from "../../store/members/audit.js";
import { createAuthenticator, requireActor } from "./auth.js";
import type { AdminContext } from "./context.js";
import { exportMembers, searchMembers } from "./members-routes.js";
import { openApiDocument } from "./openapi.js";
import { assignRole } from "./roles-route.js";

export const ADMIN_BASE_PATH = "/api/admin";

export interface AdminDeps {
  connection: Connection;
  /** From config (`ADMIN_TOKENS`); none configured = every request answers 401. */
  tokens: readonly AdminToken[];
  /** Opens religion/caste for an admin export that asks for them. */
  keyring: FieldKeyring;
  log: Logger;
  now?: () => Date;
}

export function adminRoutes(deps: AdminDeps): Router {
  const ctx: AdminContext = { queries: createAdminQueries(deps.connection), keyring: deps.keyring, log: deps.log, now: deps.now ?? (() => new Date()) };
  const memberAudit = createAuditLog(deps.connection);
  const api = Router();
  // The description is public: it holds no data, and clients fetch it before they have a token.
  const document = openApiDocument(ADMIN_BASE_PATH);
  api.get("/openapi.json", (_req, res) => {
    res.json(document);
  });
  api.use(requireActor(createAuthenticator(deps.tokens), (msg, path) => deps.log.warn({ path }, msg)));
  api.get("/members", searchMembers(ctx));
  api.get("/members/export.csv", exportMembers(ctx));
  api.post("/members/:id/roles", assignRole(ctx, (memberId, actor, at) => memberAudit.record({ action: "member.updated", memberId, actor, fields: ["roles"] }, at)));
  // Unknown admin paths answer 404 only after authentication, so the API's shape is not probed anonymously.
  api.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  const router = Router();
  router.use(ADMIN_BASE_PATH, api);
  return router;
}
