/**
 * The admin API's requests and responses, each written once in zod: handlers parse with them and
 * `openapi.ts` turns them into the OpenAPI document with `z.toJSONSchema`.
 */
import { z } from "zod";
import { ASSIGNABLE_ROLES, parseArea } from "../../domain/access/index.js";

const positive = (max: number) =>
  z
    .string()
    .regex(/^[1-9]\d*$/, "a positive whole number")
    .transform(Number)
    .pipe(z.number().max(max));

/** Where and whom to look for; the caller's own area always applies on top. */
const memberFilterShape = {
  state: z.string().regex(/^[A-Za-z]{2}$/).transform((s) => s.toUpperCase()).optional().describe("State code, e.g. UP."),
  district: z.string().regex(/^[A-Za-z0-9]{1,12}$/).transform((s) => s.toUpperCase()).optional().describe("District code, e.g. LKO."),
  ac: positive(9999).optional().describe("Assembly constituency number."),
  booth: positive(9999).optional().describe("Booth (part) number within `ac`."),
  name: z.string().trim().min(1).max(60).optional().describe("Start of any word of the name, any case."),
  number: z.string().trim().min(1).max(20).optional().describe("Membership number, e.g. UP-0000001-W (spaces, case and missing hyphens are fine)."),
};
const boothNeedsAc = (q: { ac?: number | undefined; booth?: number | undefined }) => q.booth === undefined || q.ac !== undefined;

export const searchQuerySchema = z
  .strictObject({
    ...memberFilterShape,
    page: positive(100_000).optional().describe("1-based page, default 1."),
    pageSize: positive(200).optional().describe("Members per page, default 50, at most 200."),
  })
  .refine(boothNeedsAc, { message: "booth needs ac", path: ["booth"] });

export const exportQuerySchema = z
  .strictObject({
    ...memberFilterShape,
    sensitive: z.enum(["true", "false"]).optional().describe("`true` adds religion and caste columns. Admins only; refused (403) for anyone else."),
  })
  .refine(boothNeedsAc, { message: "booth needs ac", path: ["booth"] });

export type SearchQuery = z.infer<typeof searchQuerySchema>;
export type ExportQuery = z.infer<typeof exportQuerySchema>;

export const areaIdSchema = z
  .string()
  .refine((s) => parseArea(s) !== undefined, "an area: *, UP, UP:D:LKO, UP:AC:170 or UP:AC:170:P:12")
  .describe("An area as a geography key: `*` (everywhere), `UP`, `UP:D:LKO`, `UP:AC:170` or `UP:AC:170:P:12`.");

export const roleChangeSchema = z.strictObject({
  op: z.enum(["grant", "revoke"]).default("grant").describe("`revoke` removes the role's grants inside `scope`."),
  role: z.enum(ASSIGNABLE_ROLES).describe("Coordinators may only grant or revoke `enroller`."),
  scope: areaIdSchema.optional().describe("Area of the grant; default the caller's own area. Must lie inside it."),
});

export const memberIdSchema = z.string().regex(/^m_[0-9a-f]{32}$/);

const grantSchema = z.object({ role: z.string(), scope: z.object({ level: z.string(), id: z.string() }).optional() });

export const listedMemberSchema = z.object({
  id: z.string().describe("Opaque member id."),
  number: z.string(),
  name: z.string(),
  phone: z.string().describe("E.164; masked (`+91******3210`) below admin."),
  epic: z.string().describe("Voter ID; masked (`ABC*****67`) below admin."),
  age: z.number().int().optional(),
  gender: z.string().optional(),
  state: z.string(),
  district: z.string().optional(),
  ac: z.number().int().optional(),
  booth: z.number().int().optional(),
  address: z.string().optional().describe("Free text, up to 150 characters; masked to its first letters (`Hous…`) below admin."),
  roles: z.array(grantSchema),
  enrolledAt: z.iso.datetime(),
  lastActiveAt: z.iso.datetime(),
});

export const searchResultSchema = z.object({
  items: z.array(listedMemberSchema),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
  hasNext: z.boolean(),
  masked: z.boolean().describe("Whether phone and EPIC are masked for this caller."),
});

export const roleResultSchema = z.object({ id: z.string(), number: z.string(), roles: z.array(grantSchema) });

export const errorSchema = z.object({
  error: z.enum(["unauthorized", "invalid_request", "forbidden", "outside_scope", "not_found", "conflict", "internal_error"]),
  issues: z.array(z.string()).optional(),
});

export type ListedMemberJson = z.infer<typeof listedMemberSchema>;
