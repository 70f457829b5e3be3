import { loadFlowSet, resume, type EngineEvent, type Session } from "../src/engine/index.js";
import { createTranslator } from "../src/i18n/index.js";
const r = loadFlowSet("flows");
if (!r.ok) { console.log(r.errors); process.exit(1); }
const t = createTranslator();
let now = Date.parse("2025-01-01T10:00:00Z");
const ports = { now: () => now, t };
let s: Session | null = null;
let n = 0;
function send(text: string) {
  const ev: EngineEvent = { type: "inbound", channel: "web", eventId: `e${n++}`, contactKey: "web:1", kind: "text", text };
  const res = resume(r.ok ? r.flows : (null as never), s, ev, ports);
  s = res.session;
  console.log(`> ${text}`);
  for (const e of res.effects) console.log("  ", JSON.stringify(e));
  console.log("   awaiting", JSON.stringify(res.awaiting));
}
for (const m of ["hello", "2", "xyz", "1", "भाषा", "1", "2", "3", "नहीं", "menu", "3", "haan", "hi", "शुरू"]) send(m);
