/**
 * Areas an actor or a role grant covers, written with the geography keys (`src/domain/geo/keys.ts`)
 * so a scope names the same unit as `geo_units`: `*` (everywhere), `UP`, `UP:D:LKO`, `UP:AC:170`,
 * `UP:AC:170:P:12`. Blocks are not supported yet: members carry no block reference, so a block
 * scope could not be checked against a member.
 */
import { acKey, boothKey, districtKey, stateKey } from "../geo/keys.js";

export type Area =
  | { level: "all" }
  | { level: "state"; state: string }
  | { level: "district"; state: string; district: string }
  | { level: "ac"; state: string; acNumber: number }
  | { level: "booth"; state: string; acNumber: number; partNumber: number };

/** Where a member is (the geography refs on the member record). */
export interface Place {
  state: string;
  district?: string | undefined;
  acNumber?: number | undefined;
  partNumber?: number | undefined;
}

const STATE = "[A-Z]{2}";
const NUM = "([1-9]\\d{0,3})";
const PATTERNS: { re: RegExp; build(m: RegExpExecArray): Area }[] = [
  { re: /^\*$/, build: () => ({ level: "all" }) },
  { re: new RegExp(`^(${STATE})$`), build: (m) => ({ level: "state", state: m[1]! }) },
  { re: new RegExp(`^(${STATE}):D:([A-Z0-9]{1,12})$`), build: (m) => ({ level: "district", state: m[1]!, district: m[2]! }) },
  { re: new RegExp(`^(${STATE}):AC:${NUM}$`), build: (m) => ({ level: "ac", state: m[1]!, acNumber: Number(m[2]) }) },
  {
    re: new RegExp(`^(${STATE}):AC:${NUM}:P:${NUM}$`),
    build: (m) => ({ level: "booth", state: m[1]!, acNumber: Number(m[2]), partNumber: Number(m[3]) }),
  },
];

/** `UP:AC:170` → `{ level: "ac", state: "UP", acNumber: 170 }`; undefined for anything else. */
export function parseArea(id: string): Area | undefined {
  for (const { re, build } of PATTERNS) {
    const m = re.exec(id.trim());
    if (m) return build(m);
  }
  return undefined;
}

/** The inverse of `parseArea`. */
export function areaId(area: Area): string {
  switch (area.level) {
    case "all":
      return "*";
    case "state":
      return stateKey(area.state);
    case "district":
      return districtKey(area.state, area.district);
    case "ac":
      return acKey(area.state, area.acNumber);
    case "booth":
      return boothKey(area.state, area.acNumber, area.partNumber);
  }
}

/** The equality constraints on a member's geography refs that select exactly this area. */
export function areaConstraints(area: Area): Partial<Place> {
  switch (area.level) {
    case "all":
      return {};
    case "state":
      return { state: area.state };
    case "district":
      return { state: area.state, district: area.district };
    case "ac":
      return { state: area.state, acNumber: area.acNumber };
    case "booth":
      return { state: area.state, acNumber: area.acNumber, partNumber: area.partNumber };
  }
}

/** Whether a member at `place` is inside `area`. A member without the ref the area needs is outside. */
export function placeInArea(area: Area, place: Place): boolean {
  return Object.entries(areaConstraints(area)).every(([field, value]) => place[field as keyof Place] === value);
}

/** The district code of an AC (`UP:AC:170` → `LKO`), as the geography knows it. */
export type DistrictOfAc = (acId: string) => string | undefined;

/**
 * Whether `inner` lies wholly inside `outer`. Whether an AC or booth is inside a district can
 * only be told from the geography (`districtOf`); when it does not know, the answer is no.
 */
export function areaWithin(outer: Area, inner: Area, districtOf: DistrictOfAc = () => undefined): boolean {
  if (outer.level === "all") return true;
  if (inner.level === "all") return false;
  if (outer.level === "district" && (inner.level === "ac" || inner.level === "booth")) {
    return inner.state === outer.state && districtOf(acKey(inner.state, inner.acNumber)) === outer.district;
  }
  const place: Place = { ...areaConstraints(inner) } as Place;
  return rank(inner) >= rank(outer) && placeInArea(outer, place);
}

function rank(area: Area): number {
  return { all: 0, state: 1, district: 2, ac: 3, booth: 4 }[area.level];
}
