/**
 * Electoral geography: state → district → assembly constituency (AC, inside one Lok Sabha seat)
 * → booth (part number, unique within its AC). Blocks (development blocks) are administrative
 * and cut across ACs, so a block lists the ACs it touches. Every name has English and,
 * where known, Hindi.
 */
export interface Names {
  en: string;
  hi?: string;
}

export interface GeoState {
  code: string;
  name: Names;
}

export interface GeoDistrict {
  state: string;
  code: string;
  name: Names;
}

export type AcCategory = "GEN" | "SC" | "ST";

export interface LokSabhaSeat {
  number: number;
  name: Names;
}

export interface AssemblyConstituency {
  state: string;
  district: string;
  number: number;
  name: Names;
  category: AcCategory;
  lokSabha: LokSabhaSeat;
}

export interface Booth {
  state: string;
  acNumber: number;
  partNumber: number;
  name: Names;
  locality?: Names;
  /** Synthetic data loaded by the demo seed: never real polling stations. */
  demo?: boolean;
}

export interface Block {
  state: string;
  district: string;
  code: string;
  name: Names;
  acNumbers: number[];
}

/** One line of the geography CSV: a booth with everything above it, denormalized. */
export interface GeoRow {
  state: GeoState;
  district: GeoDistrict;
  ac: AssemblyConstituency;
  booth: Booth;
  block?: Omit<Block, "acNumbers">;
}
