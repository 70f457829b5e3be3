/**
 * The geography CSV, one booth per line (see docs/enrolment.md). Validation is pure: a record
 * of column → text in, a GeoRow or every problem of that line out, so the importer can report
 * line by line and go on.
 */
import { z } from "zod";
import type { GeoRow } from "./types.js";

export const GEO_CSV_COLUMNS = [
  "state_code", "state_name_en", "state_name_hi",
  "district_code", "district_name_en", "district_name_hi",
  "ac_number", "ac_name_en", "ac_name_hi", "ac_category",
  "pc_number", "pc_name_en", "pc_name_hi",
  "part_number", "booth_name_en", "booth_name_hi", "locality_en", "locality_hi",
  "block_code", "block_name_en", "block_name_hi",
] as const;
export type GeoCsvColumn = (typeof GEO_CSV_COLUMNS)[number];

const OPTIONAL_COLUMNS = new Set<GeoCsvColumn>([
  "state_name_hi", "district_name_hi", "ac_name_hi", "ac_category", "pc_name_hi",
  "booth_name_hi", "locality_en", "locality_hi", "block_code", "block_name_en", "block_name_hi",
]);
export const REQUIRED_COLUMNS = GEO_CSV_COLUMNS.filter((c) => !OPTIONAL_COLUMNS.has(c));

const blankToUndefined = (v: unknown): unknown => (typeof v === "string" && v.trim() === "" ? undefined : v);
const text = z.string().trim().min(1, "is required").max(200, "is longer than 200 characters");
const optionalText = z.preprocess(blankToUndefined, text.optional());
const hindi = z.preprocess(blankToUndefined, text.regex(/[\u0900-\u097F]/, "must be written in Devanagari").optional());
const int = (max: number) => z.preprocess(blankToUndefined, z.coerce.number({ error: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more").max(max, `must be at most ${max}`));
const code = (pattern: RegExp, hint: string) => z.preprocess((v) => (typeof v === "string" ? v.trim().toUpperCase() : v), z.string().regex(pattern, hint));

const rowSchema = z.object({
  state_code: code(/^[A-Z]{2}$/, "must be two letters, e.g. UP"),
  state_name_en: text, state_name_hi: hindi,
  district_code: code(/^[A-Z0-9]{1,12}$/, "must be 1-12 letters or digits"),
  district_name_en: text, district_name_hi: hindi,
  ac_number: int(999), ac_name_en: text, ac_name_hi: hindi,
  ac_category: z.preprocess((v) => (blankToUndefined(v) === undefined ? "GEN" : String(v).trim().toUpperCase()), z.enum(["GEN", "SC", "ST"], "must be GEN, SC or ST")),
  pc_number: int(99), pc_name_en: text, pc_name_hi: hindi,
  part_number: int(9999), booth_name_en: text, booth_name_hi: hindi,
  locality_en: optionalText, locality_hi: hindi,
  block_code: z.preprocess(blankToUndefined, code(/^[A-Z0-9]{1,12}$/, "must be 1-12 letters or digits").optional()),
  block_name_en: optionalText, block_name_hi: hindi,
});
type ParsedRow = z.infer<typeof rowSchema>;

export type RowCheck = { ok: true; value: GeoRow } | { ok: false; errors: string[] };

/** Columns the header lacks; an empty list means the file can be read. */
export function missingColumns(header: readonly string[]): GeoCsvColumn[] {
  return REQUIRED_COLUMNS.filter((c) => !header.includes(c));
}

/** Validates one CSV record (already split into named columns). */
export function checkGeoRow(record: Readonly<Record<string, string | undefined>>): RowCheck {
  const parsed = rowSchema.safeParse(record);
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`) };
  const r = parsed.data;
  if (r.block_code && !r.block_name_en) return { ok: false, errors: ["block_name_en is required when block_code is given"] };
  return { ok: true, value: toGeoRow(r) };
}

const names = (en: string, hi: string | undefined) => (hi ? { en, hi } : { en });

function toGeoRow(r: ParsedRow): GeoRow {
  const state = r.state_code;
  const locality = r.locality_en ? names(r.locality_en, r.locality_hi) : undefined;
  return {
    state: { code: state, name: names(r.state_name_en, r.state_name_hi) },
    district: { state, code: r.district_code, name: names(r.district_name_en, r.district_name_hi) },
    ac: {
      state, district: r.district_code, number: r.ac_number, name: names(r.ac_name_en, r.ac_name_hi), category: r.ac_category,
      lokSabha: { number: r.pc_number, name: names(r.pc_name_en, r.pc_name_hi) },
    },
    booth: { state, acNumber: r.ac_number, partNumber: r.part_number, name: names(r.booth_name_en, r.booth_name_hi), ...(locality ? { locality } : {}) },
    ...(r.block_code && r.block_name_en ? { block: { state, district: r.district_code, code: r.block_code, name: names(r.block_name_en, r.block_name_hi) } } : {}),
  };
}
