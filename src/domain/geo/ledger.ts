/**
 * Consistency across the lines of one geography import. The CSV repeats the state, district
 * and AC on every booth line; the first line that names a unit defines it, a later line that
 * disagrees (another AC name, another Lok Sabha seat) or repeats a booth is an error of that
 * line. It also tells the importer which parent units are new, so each is written once.
 */
import type { GeoRow } from "./types.js";
import { acKey, blockKey, boothKey, districtKey, stateKey } from "./keys.js";

export interface LedgerVerdict {
  errors: string[];
  /** Parts of the row not yet written in this import: the booth always when there is no error. */
  fresh: { state: boolean; district: boolean; ac: boolean; blockLink: boolean };
}

interface Seen {
  line: number;
  fingerprint: string;
}

export class ImportLedger {
  private readonly seen = new Map<string, Seen>();

  /** Checks `row` (from CSV line `line`) against earlier lines and records it when consistent. */
  admit(row: GeoRow, line: number): LedgerVerdict {
    const booth = boothKey(row.booth.state, row.booth.acNumber, row.booth.partNumber);
    const parts: [string, string, unknown][] = [
      ["state", stateKey(row.state.code), row.state],
      ["district", districtKey(row.district.state, row.district.code), row.district],
      ["ac", acKey(row.ac.state, row.ac.number), row.ac],
    ];
    if (row.block) parts.push(["block", blockKey(row.block.state, row.block.code), row.block]);
    const errors = parts.flatMap(([label, key, value]) => this.conflict(label, key, value));
    const earlier = this.seen.get(booth);
    if (earlier) errors.push(`part_number ${row.booth.partNumber} of AC ${row.booth.acNumber} repeats line ${earlier.line}`);
    const fresh = { state: false, district: false, ac: false, blockLink: false };
    if (errors.length > 0) return { errors, fresh };
    for (const [label, key, value] of parts) {
      if (this.remember(key, value, line) && label !== "block") fresh[label as "state" | "district" | "ac"] = true;
    }
    if (row.block) fresh.blockLink = this.remember(`${blockKey(row.block.state, row.block.code)}+${row.ac.number}`, null, line);
    this.remember(booth, null, line);
    return { errors, fresh };
  }

  private conflict(label: string, key: string, value: unknown): string[] {
    const earlier = this.seen.get(key);
    if (!earlier || earlier.fingerprint === JSON.stringify(value)) return [];
    return [`${label} ${key} differs from its definition on line ${earlier.line}`];
  }

  /** True when `key` was new. */
  private remember(key: string, value: unknown, line: number): boolean {
    if (this.seen.has(key)) return false;
    this.seen.set(key, { line, fingerprint: JSON.stringify(value) });
    return true;
  }
}
