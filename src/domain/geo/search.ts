/**
 * Booth search, in two steps as the enrolment flow asks: first the assembly constituency by
 * number or by name (Hindi or English, forgiving spelling), then the booth in it by part number
 * or by booth name / locality. Pure ranking over candidates the repository has loaded.
 */
import { toAsciiDigits } from "../../engine/text/normalize.js";
import { foldName } from "./fold.js";
import { matchScore } from "./fuzzy.js";
import type { AssemblyConstituency, Booth, Names } from "./types.js";

export interface Ranked<T> {
  item: T;
  /** 0..1, higher is better. */
  score: number;
}

/** Matches below this are noise ("lucknow" must not find "Malihabad"). */
export const MIN_SCORE = 0.6;

/** Words people put before a number: "AC 170", "part no. 12", "भाग संख्या १२". */
const NUMBER_LABELS = /(?:\bac\b|\bpart\b|\bbooth\b|\bno\b|\bnumber\b|भाग|बूथ|संख्या|क्रमांक|नंबर|सं)/giu;

/** A whole-number query ("170", "१७०", "AC 170", "भाग 12") or undefined ("Sector 12" is a name). */
export function numberIn(query: string): number | undefined {
  const rest = toAsciiDigits(query).replace(NUMBER_LABELS, "").replace(/[\s.:#-]/g, "");
  return /^\d{1,4}$/.test(rest) ? Number(rest) : undefined;
}

/** ACs matching `query`: an exact number first, then names by score, ties by AC number. */
export function rankConstituencies(acs: readonly AssemblyConstituency[], query: string): Ranked<AssemblyConstituency>[] {
  const wanted = numberIn(query);
  if (wanted !== undefined) return acs.filter((ac) => ac.number === wanted).map((item) => ({ item, score: 1 }));
  return rankBy(acs, query, (ac) => [ac.name], (ac) => ac.number);
}

/** Booths of one AC matching `query`: by part number, else by booth name and locality. */
export function rankBooths(booths: readonly Booth[], query: string): Ranked<Booth>[] {
  const wanted = numberIn(query);
  if (wanted !== undefined) return booths.filter((b) => b.partNumber === wanted).map((item) => ({ item, score: 1 }));
  return rankBy(booths, query, (b) => (b.locality ? [b.name, b.locality] : [b.name]), (b) => b.partNumber);
}

function rankBy<T>(items: readonly T[], query: string, namesOf: (item: T) => Names[], order: (item: T) => number): Ranked<T>[] {
  const folded = foldName(query);
  if (folded.length === 0) return [];
  return items
    .map((item) => ({ item, score: bestScore(folded, namesOf(item)) }))
    .filter((r) => r.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score || order(a.item) - order(b.item));
}

function bestScore(folded: string, names: Names[]): number {
  let best = 0;
  for (const name of names) {
    for (const text of [name.en, name.hi]) if (text) best = Math.max(best, matchScore(folded, foldName(text)));
  }
  return best;
}
