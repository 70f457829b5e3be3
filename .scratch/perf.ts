import { readFileSync, readdirSync } from "node:fs";
import { parseFlowSource, checkFlowSet } from "../src/engine/index.js";
import { LOCALES } from "../src/i18n/index.js";
const files: Record<string,string> = {};
for (const n of readdirSync("flows").filter(n=>n.endsWith(".yaml"))) files[`flows/${n}`] = readFileSync(`flows/${n}`,"utf8");
for (let i=0;i<5;i++){ let t=performance.now(); const r = parseFlowSource(files); const t1=performance.now(); if (r.ok) checkFlowSet(r.flows,{actions:[],roles:[],locales:LOCALES}); console.log((t1-t).toFixed(1), (performance.now()-t1).toFixed(1)); }
