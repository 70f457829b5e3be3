/**
 * The OpenAPI 3.1 description of the admin API, built from the same zod schemas the handlers
 * parse with (`z.toJSONSchema`, JSON Schema 2020-12 — the dialect OpenAPI 3.1 uses), so the
 * document cannot drift from what the code accepts.
 */
import { z } from "zod";
import { errorSchema, exportQuerySchema, memberIdSchema, roleChangeSchema, roleResultSchema, searchQuerySchema, searchResultSchema } from "./schemas.js";

type JsonSchema = Record<string, unknown>;

/** JSON Schema of a zod schema, without the `$schema` key (the document's dialect applies). */
function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io }) as JsonSchema;
  return rest;
}

/** Query parameters from an object schema's properties. */
function queryParameters(schema: z.ZodType): JsonSchema[] {
  const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, ...rest } = property;
    return { name, in: "query", required: json.required?.includes(name) ?? false, ...(description ? { description } : {}), schema: rest };
  });
}

const jsonBody = (ref: string, description: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } } });
const errors = {
  "400": jsonBody("Error", "Invalid parameters or body (`invalid_request`, with `issues`)."),
  "401": { ...jsonBody("Error", "Missing or unknown bearer token."), headers: { "WWW-Authenticate": { schema: { type: "string" } } } },
  "403": jsonBody("Error", "`forbidden` (role may not do this) or `outside_scope` (a filter or area outside the caller's area)."),
};

export function openApiDocument(serverUrl = "/api/admin"): JsonSchema {
  return {
    openapi: "3.1.0",
    info: {
      title: "Sampark admin API",
      version: "1.0.0",
      description:
        "Member search, CSV export and role assignment, confined to the caller's area. Phone and voter ID are masked below admin; religion and caste are exported only to an admin who asks. Every authenticated request is audited without personal values.",
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    paths: {
      "/members": {
        get: {
          operationId: "searchMembers",
          summary: "Search members within the caller's area",
          parameters: queryParameters(searchQuerySchema),
          responses: { "200": jsonBody("SearchResult", "A page of members."), ...errors },
        },
      },
      "/members/export.csv": {
        get: {
          operationId: "exportMembers",
          summary: "Export members within the caller's area as CSV (streamed)",
          parameters: queryParameters(exportQuerySchema),
          responses: {
            "200": { description: "UTF-8 CSV with a byte-order mark; cells that could start a formula are prefixed with '.", content: { "text/csv": { schema: { type: "string" } } } },
            ...errors,
          },
        },
      },
      "/members/{id}/roles": {
        post: {
          operationId: "changeMemberRole",
          summary: "Grant or revoke a role (admins: any role; coordinators: enroller, inside their area)",
          parameters: [{ name: "id", in: "path", required: true, schema: schemaOf(memberIdSchema, "input") }],
          requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/RoleChange" } } } },
          responses: {
            "200": jsonBody("RoleResult", "The member's roles after the change."),
            ...errors,
            "404": jsonBody("Error", "No active member with this id in the caller's area."),
            "409": jsonBody("Error", "The record kept changing; try again."),
          },
        },
      },
      "/openapi.json": {
        get: { operationId: "openApi", summary: "This document", security: [], responses: { "200": { description: "OpenAPI 3.1 document", content: { "application/json": {} } } } },
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A token from ADMIN_TOKENS; it names the caller, their role and area." } },
      schemas: {
        SearchResult: schemaOf(searchResultSchema, "output"),
        RoleChange: schemaOf(roleChangeSchema, "input"),
        RoleResult: schemaOf(roleResultSchema, "output"),
        Error: schemaOf(errorSchema, "output"),
      },
    },
  };
}
