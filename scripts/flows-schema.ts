/**
 * Emit the JSON Schemas of flow files (`flows/flow.schema.json`, `flows/global.schema.json`) from
 * the zod schemas, and the field tables of `docs/flows.md` (between the generated markers).
 * `--check` fails instead of writing when anything is out of date (for CI).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { z } from "zod";
import { FlowSchema, GlobalSchema, InputSchema, STEP_KEYS, STEP_SCHEMAS, flowShape } from "../src/engine/schema/index.js";

type JsonSchema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  pattern?: string;
};

const START = "<!-- generated:start (npm run flows:schema) -->";
const END = "<!-- generated:end -->";

function toJson(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum !== undefined) return s.enum.map((e) => `\`${String(e)}\``).join(" \\| ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts !== undefined) return alts.length > 4 ? "object (see below)" : alts.map(typeOf).join(" \\| ");
  if (s.type === "array") return `list of ${s.items ? typeOf(s.items) : "any"}`;
  if (s.type === "object") return s.properties ? "object" : "map";
  return Array.isArray(s.type) ? s.type.join(" \\| ") : (s.type ?? "any");
}

function table(schema: JsonSchema): string {
  const rows = Object.entries(schema.properties ?? {}).map(([name, prop]) => {
    const req = schema.required?.includes(name) ? "yes" : "";
    const desc = (prop.description ?? "").replace(/\|/g, "\\|");
    return `| \`${name}\` | ${typeOf(prop)} | ${req} | ${desc} |`;
  });
  return ["| field | type | required | meaning |", "|---|---|---|---|", ...rows].join("\n");
}

function section(title: string, schema: JsonSchema): string {
  return `#### ${title}\n\n${schema.description ? `${schema.description}\n\n` : ""}${table(schema)}\n`;
}

function generatedDocs(): string {
  const flow = toJson(z.strictObject(flowShape));
  const steps = STEP_KEYS.map(([key, type]) => section(`\`${key}\` — ${type}`, toJson(STEP_SCHEMAS[type])));
  const inputs = (toJson(InputSchema).oneOf ?? []).map((s) => section(`input \`${String(s.properties?.type?.const)}\``, s));
  const global = toJson(GlobalSchema);
  const command = toJson(GlobalSchema.shape.commands.valueType);
  return [
    section("Flow file (top level)", flow),
    "### Steps\n",
    ...steps,
    "### Input types\n",
    ...inputs,
    "### `_global.yaml`\n",
    section("Global file", global),
    section("A command", command),
    section("messages", toJson(GlobalSchema.shape.messages)),
  ].join("\n");
}

function withGenerated(doc: string, body: string): string {
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/flows.md lacks the markers ${START} … ${END}`);
  return `${doc.slice(0, a + START.length)}\n\n${body}\n${doc.slice(b)}`;
}

const outputs: Record<string, string> = {
  "flows/flow.schema.json": `${JSON.stringify(toJson(FlowSchema), null, 2)}\n`,
  "flows/global.schema.json": `${JSON.stringify(toJson(GlobalSchema), null, 2)}\n`,
  "docs/flows.md": withGenerated(readFileSync("docs/flows.md", "utf8"), generatedDocs()),
};

const check = process.argv.includes("--check");
let stale = 0;
for (const [path, text] of Object.entries(outputs)) {
  let old = "";
  try {
    old = readFileSync(path, "utf8");
  } catch {
    old = "";
  }
  if (old === text) continue;
  stale++;
  if (check) console.error(`${path} is out of date: run npm run flows:schema`);
  else writeFileSync(path, text);
}
if (check && stale > 0) process.exit(1);
console.log(check ? "flows:schema: up to date" : `flows:schema: wrote ${stale} file(s)`);
