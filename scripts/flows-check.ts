/**
 * `npm run flows:check`: load `flows/`, check them against the known actions, roles and locales,
 * print `file:line: message` per problem and exit non-zero if there is any.
 * Usage: tsx scripts/flows-check.ts [flowsDir] [localesDir]
 */
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { checkFlowSet, loadFlowSet, type FlowError } from "../src/engine/index.js";
import { KNOWN_ACTIONS, KNOWN_ROLES } from "../src/engine/known-actions.js";

function readLocales(dir: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    out[name.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(dir, name), "utf8"));
  }
  return out;
}

function print(errors: FlowError[]): void {
  for (const e of errors) console.error(`${e.file}:${e.line}: ${e.message} [${e.code}]`);
}

const [flowsDir = "flows", localesDir = "locales"] = process.argv.slice(2);
const loaded = loadFlowSet(flowsDir);
if (!loaded.ok) {
  print(loaded.errors);
  process.exit(1);
}
const errors = checkFlowSet(loaded.flows, { actions: KNOWN_ACTIONS, roles: KNOWN_ROLES, locales: readLocales(localesDir) });
print(errors);
if (errors.length > 0) process.exit(1);
console.log(`flows:check: ${Object.keys(loaded.flows.flows).length} flows OK`);
