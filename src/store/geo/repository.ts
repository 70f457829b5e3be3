/**
 * Geography reads and writes over `geo_units`, returning plain domain objects. Search loads the
 * candidates of one state (≤ 403 ACs) or one AC (a few hundred booths) and ranks them with the
 * pure rules in domain/geo/search.ts; part-number lookups go straight to the index.
 */
import type { AnyBulkWriteOperation } from "mongoose";
import type { Connection } from "mongoose";
import { paginate, type Page } from "../../domain/geo/paginate.js";
import { numberIn, rankBooths, rankConstituencies } from "../../domain/geo/search.js";
import type { AssemblyConstituency, Booth } from "../../domain/geo/types.js";
import { geoUnitModel, type GeoKind, type GeoUnitDoc, type GeoUnitModel } from "./model.js";

export interface PageRequest {
  page?: number;
  pageSize?: number;
}

const DEFAULT_PAGE_SIZE = 8;

export interface GeoRepository {
  /** Unordered bulk upsert: one bad write does not stop the rest. */
  write(ops: AnyBulkWriteOperation<GeoUnitDoc>[]): Promise<void>;
  hasAnyGeography(): Promise<boolean>;
  count(kind: GeoKind): Promise<number>;
  constituency(state: string, acNumber: number): Promise<AssemblyConstituency | undefined>;
  booth(state: string, acNumber: number, partNumber: number): Promise<Booth | undefined>;
  /** ACs by number or (fuzzy, Hindi or English) name; all ACs of `state` by number when the query is empty. */
  searchConstituencies(state: string | undefined, query: string, page?: PageRequest): Promise<Page<AssemblyConstituency>>;
  /** Booths of one AC by part number or (fuzzy) name/locality; all by part number when the query is empty. */
  searchBooths(state: string, acNumber: number, query: string, page?: PageRequest): Promise<Page<Booth>>;
}

export function createGeoRepository(connection: Connection): GeoRepository {
  const units = geoUnitModel(connection);
  return {
    async write(ops) {
      if (ops.length > 0) await units.bulkWrite(ops, { ordered: false });
    },
    hasAnyGeography: async () => (await units.exists({})) !== null,
    count: (kind) => units.countDocuments({ kind }),
    async constituency(state, acNumber) {
      const doc = await units.findOne({ kind: "ac", state, acNumber }).lean<GeoUnitDoc>();
      return doc ? toConstituency(doc) : undefined;
    },
    async booth(state, acNumber, partNumber) {
      const doc = await units.findOne({ kind: "booth", state, acNumber, partNumber }).lean<GeoUnitDoc>();
      return doc ? toBooth(doc) : undefined;
    },
    async searchConstituencies(state, query, page = {}) {
      const acs = (await units.find({ kind: "ac", ...(state ? { state } : {}) }).lean<GeoUnitDoc[]>()).map(toConstituency);
      const ranked = query.trim() === "" ? acs.sort((a, b) => a.number - b.number) : rankConstituencies(acs, query).map((r) => r.item);
      return paginate(ranked, page.page ?? 1, page.pageSize ?? DEFAULT_PAGE_SIZE);
    },
    searchBooths: (state, acNumber, query, page = {}) => searchBooths(units, state, acNumber, query, page),
  };
}

async function searchBooths(units: GeoUnitModel, state: string, acNumber: number, query: string, page: PageRequest): Promise<Page<Booth>> {
  const part = numberIn(query);
  const filter = { kind: "booth" as const, state, acNumber, ...(part !== undefined ? { partNumber: part } : {}) };
  const booths = (await units.find(filter).sort({ partNumber: 1 }).lean<GeoUnitDoc[]>()).map(toBooth);
  const ranked = query.trim() === "" || part !== undefined ? booths : rankBooths(booths, query).map((r) => r.item);
  return paginate(ranked, page.page ?? 1, page.pageSize ?? DEFAULT_PAGE_SIZE);
}

function toConstituency(doc: GeoUnitDoc): AssemblyConstituency {
  return {
    state: doc.state,
    district: doc.district ?? "",
    number: doc.acNumber ?? 0,
    name: doc.name,
    category: doc.category ?? "GEN",
    lokSabha: doc.lokSabha ?? { number: 0, name: { en: "" } },
  };
}

function toBooth(doc: GeoUnitDoc): Booth {
  return {
    state: doc.state,
    acNumber: doc.acNumber ?? 0,
    partNumber: doc.partNumber ?? 0,
    name: doc.name,
    ...(doc.locality ? { locality: doc.locality } : {}),
    ...(doc.demo ? { demo: true } : {}),
  };
}
