/**
 * The `geo_units` collection: every state, district, assembly constituency, booth and block is
 * one document whose `_id` is its key (domain/geo/keys.ts), so uniqueness — a part number
 * within an AC — is the primary key and re-imports are plain upserts.
 */
import { Schema, type Connection } from "mongoose";
import type { AcCategory, LokSabhaSeat, Names } from "../../domain/geo/types.js";

export type GeoKind = "state" | "district" | "ac" | "booth" | "block";

export interface GeoUnitDoc {
  _id: string;
  kind: GeoKind;
  state: string;
  /** District code: districts, ACs, blocks. */
  district?: string;
  /** State, district or block code. */
  code?: string;
  /** ACs and booths. */
  acNumber?: number;
  partNumber?: number;
  name: Names;
  locality?: Names;
  category?: AcCategory;
  lokSabha?: LokSabhaSeat;
  /** Blocks: the ACs the block touches. */
  acNumbers?: number[];
  demo?: boolean;
  updatedAt: Date;
}

const names = { _id: false, en: { type: String, required: true }, hi: String };

function geoUnitSchema(): Schema<GeoUnitDoc> {
  const schema = new Schema<GeoUnitDoc>(
    {
      _id: String,
      kind: { type: String, required: true },
      state: { type: String, required: true },
      district: String,
      code: String,
      acNumber: Number,
      partNumber: Number,
      name: { type: names, required: true },
      locality: names,
      category: String,
      lokSabha: { _id: false, number: Number, name: names },
      acNumbers: { type: [Number], default: undefined },
      demo: Boolean,
      updatedAt: { type: Date, required: true },
    },
    { versionKey: false, minimize: true, id: false, collection: "geo_units" },
  );
  schema.index({ kind: 1, state: 1, acNumber: 1, partNumber: 1 });
  schema.index({ kind: 1, state: 1, district: 1 });
  return schema;
}

const createGeoUnitModel = (connection: Connection) => connection.model("GeoUnit", geoUnitSchema());
export type GeoUnitModel = ReturnType<typeof createGeoUnitModel>;

/** The model on `connection`, created once per connection. */
export function geoUnitModel(connection: Connection): GeoUnitModel {
  return (connection.models["GeoUnit"] as GeoUnitModel | undefined) ?? createGeoUnitModel(connection);
}
