/**
 * Booth search for the enrolment flow, in two choice questions: `booths.constituencies` (AC by
 * name or number) then `booths.search` (booth of that AC by part number or locality). Both return
 * choice options; the engine pages them. No match returns [], which the flow's `on_error` handles.
 */
import { z } from "zod";
import type { Names } from "../domain/geo/types.js";
import { defineAction, type ActionDefinition } from "../runtime/actions.js";
import type { EnrolmentServices } from "./deps.js";
import { acId, boothId, parseAcId } from "./shared.js";

/** Enough to page through without loading a whole state's booths into a session. */
const MAX_OPTIONS = 40;

const Options = z.array(z.object({ id: z.string(), label: z.object({ hi: z.string(), en: z.string() }) }));

const label = (prefix: number, names: Names) => ({ hi: `${prefix} — ${names.hi ?? names.en}`, en: `${prefix} — ${names.en}` });

export function boothActions(s: EnrolmentServices): ActionDefinition[] {
  return [
    defineAction({
      name: "booths.constituencies",
      args: z.object({ query: z.string() }),
      result: Options,
      async run({ query }) {
        const page = await s.geo.searchConstituencies(undefined, query, { pageSize: MAX_OPTIONS });
        return page.items.map((ac) => ({ id: acId(ac.state, ac.number), label: label(ac.number, ac.name) }));
      },
    }),
    defineAction({
      name: "booths.search",
      args: z.object({ ac: z.string(), query: z.string() }),
      result: Options,
      async run({ ac, query }) {
        const ref = parseAcId(ac);
        if (!ref) return [];
        const page = await s.geo.searchBooths(ref.state, ref.acNumber, query, { pageSize: MAX_OPTIONS });
        return page.items.map((b) => ({ id: boothId(b), label: label(b.partNumber, b.name) }));
      },
    }),
  ];
}
