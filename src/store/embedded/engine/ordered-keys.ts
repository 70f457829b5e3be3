/**
 * The sorted side of an index: its keys in index order (per-field direction, then insertion
 * order for ties), kept in blocks so inserts and deletes move a few hundred entries, not all.
 * Lets a query walk a key range in order and stop at its limit instead of sorting every match.
 */
import { compareValues } from "./compare.js";

export interface OrderedEntry {
  /** One value per index field; missing fields hold null. */
  readonly values: readonly unknown[];
  /** The document's insertion number: ties in index order follow natural order, as a stable sort would. */
  readonly ord: number;
  readonly id: string;
}

/** A position between entries: block number and offset within it. */
interface Cursor {
  block: number;
  at: number;
}

const MAX_BLOCK = 1024;

export class OrderedKeys {
  private blocks: OrderedEntry[][] = [];

  /** `dirs[i]` is 1 or -1: the direction of index field i. */
  constructor(private readonly dirs: readonly number[]) {}

  get size(): number {
    let n = 0;
    for (const b of this.blocks) n += b.length;
    return n;
  }

  private compare(a: OrderedEntry, b: OrderedEntry): number {
    return this.comparePrefix(a, b.values) || a.ord - b.ord;
  }

  /** How `entry` sorts against a key prefix (its first `prefix.length` fields only). */
  private comparePrefix(entry: OrderedEntry, prefix: readonly unknown[]): number {
    for (let i = 0; i < prefix.length; i++) {
      const c = compareValues(entry.values[i], prefix[i]);
      if (c !== 0) return c * (this.dirs[i] as number);
    }
    return 0;
  }

  /** The first position whose entry `beyond` does not reject (entries are ordered so it is monotone). */
  private seek(beyond: (e: OrderedEntry) => boolean): Cursor {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const block = this.blocks[mid] as OrderedEntry[];
      if (beyond(block[block.length - 1] as OrderedEntry)) hi = mid;
      else lo = mid + 1;
    }
    if (lo === this.blocks.length) return { block: lo, at: 0 };
    const block = this.blocks[lo] as OrderedEntry[];
    let a = 0;
    let b = block.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (beyond(block[mid] as OrderedEntry)) b = mid;
      else a = mid + 1;
    }
    return { block: lo, at: a };
  }

  insert(entry: OrderedEntry): void {
    const last = this.blocks[this.blocks.length - 1];
    // Most inserts come in key order (ids, times, sequence numbers): append without searching.
    if (!last || this.compare(entry, last[last.length - 1] as OrderedEntry) > 0) {
      if (last && last.length < MAX_BLOCK) last.push(entry);
      else this.blocks.push([entry]);
      return;
    }
    // It sorts before the last entry, so some block holds an entry after it.
    const pos = this.seek((e) => this.compare(e, entry) > 0);
    const block = this.blocks[pos.block] as OrderedEntry[];
    block.splice(pos.at, 0, entry);
    if (block.length > MAX_BLOCK) this.blocks.splice(pos.block, 1, block.slice(0, MAX_BLOCK / 2), block.slice(MAX_BLOCK / 2));
  }

  /** Removes the entry equal to `entry` (same values, ord); false if absent. */
  delete(entry: OrderedEntry): boolean {
    const pos = this.seek((e) => this.compare(e, entry) >= 0);
    const block = this.blocks[pos.block];
    const found = block?.[pos.at];
    if (!block || !found || this.compare(found, entry) !== 0) return false;
    block.splice(pos.at, 1);
    if (block.length === 0) this.blocks.splice(pos.block, 1);
    return true;
  }

  /** Where the entries from `start` up to `end` (key prefixes, both inclusive) lie. */
  private span(start: readonly unknown[], end: readonly unknown[]): [Cursor, Cursor] {
    return [this.seek((e) => this.comparePrefix(e, start) >= 0), this.seek((e) => this.comparePrefix(e, end) > 0)];
  }

  /** How many entries lie from `start` to `end`. */
  count(start: readonly unknown[], end: readonly unknown[]): number {
    const [from, to] = this.span(start, end);
    if (to.block < from.block || (to.block === from.block && to.at <= from.at)) return 0;
    if (from.block === to.block) return to.at - from.at;
    let n = (this.blocks[from.block] as OrderedEntry[]).length - from.at + to.at;
    for (let b = from.block + 1; b < to.block; b++) n += (this.blocks[b] as OrderedEntry[]).length;
    return n;
  }

  /**
   * The entries from `start` to `end` in index order, or in reverse; either way entries with
   * equal keys come in insertion order, as a stable sort leaves them. Do not modify the index
   * while iterating.
   */
  *walk(start: readonly unknown[], end: readonly unknown[], reverse = false): Generator<OrderedEntry> {
    const [from, to] = this.span(start, end);
    if (!reverse) {
      for (let b = from.block, at = from.at; b < to.block || (b === to.block && at < to.at); ) {
        const block = this.blocks[b] as OrderedEntry[];
        if (at >= block.length) {
          b++;
          at = 0;
          continue;
        }
        yield block[at++] as OrderedEntry;
      }
      return;
    }
    // Backwards, a run of equal keys comes newest first: hold each run and give it oldest first.
    let run: OrderedEntry[] = [];
    for (let b = to.block, at = to.at - 1; b > from.block || (b === from.block && at >= from.at); ) {
      if (at < 0) {
        b--;
        at = (this.blocks[b]?.length ?? 0) - 1;
        continue;
      }
      const entry = (this.blocks[b] as OrderedEntry[])[at--] as OrderedEntry;
      if (run.length > 0 && this.comparePrefix(entry, (run[0] as OrderedEntry).values) !== 0) {
        yield* run.reverse();
        run = [];
      }
      run.push(entry);
    }
    yield* run.reverse();
  }
}
