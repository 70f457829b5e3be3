import { readFileSync } from "node:fs";
import { parseYaml } from "../src/engine/parse/yaml-source.js";
import { parseFlow } from "../src/engine/parse/parse-flow.js";
import { revisionOf } from "../src/engine/parse/parse-set.js";
const text = readFileSync("flows/menu.yaml","utf8");
for (let i=0;i<5;i++){ let t=performance.now(); const y = parseYaml("m", text); const t1=performance.now(); if (y.ok) parseFlow("m", y.source.data, y.source.positions); const t2=performance.now(); revisionOf(text); console.log((t1-t).toFixed(1), (t2-t1).toFixed(1), (performance.now()-t2).toFixed(1)); }
