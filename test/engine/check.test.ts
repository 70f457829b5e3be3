import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFlowSet, parseFlowSource, type FlowError } from "../../src/engine/index.js";
import { KNOWN_ACTIONS, KNOWN_ROLES } from "../../src/engine/known-actions.js";
import { LOCALES } from "../../src/i18n/index.js";

const BROKEN = "test/flows-broken";
const extra = JSON.parse(readFileSync(join(BROKEN, "locales.json"), "utf8")) as { hi: Record<string, unknown>; en: Record<string, unknown> };
const locales = { hi: { ...LOCALES.hi, ...extra.hi }, en: { ...LOCALES.en, ...extra.en } };

function shippedSources(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync("flows").filter((n) => n.endsWith(".yaml"))) out[`flows/${name}`] = readFileSync(`flows/${name}`, "utf8");
  return out;
}

function problems(files: Record<string, string>): FlowError[] {
  const loaded = parseFlowSource(files);
  if (!loaded.ok) return loaded.errors;
  return checkFlowSet(loaded.flows, { actions: KNOWN_ACTIONS, roles: KNOWN_ROLES, locales });
}

const lines = (errors: FlowError[]) => errors.map((e) => `${e.file}:${e.line}: ${e.message}`);

describe("flows:check", () => {
  it("passes on the shipped flows", () => {
    expect(lines(problems(shippedSources()))).toEqual([]);
  });

  const broken = readdirSync(BROKEN).filter((n) => n.endsWith(".yaml"));
  it.each(broken)("%s fails with its expected file:line message", (name) => {
    const path = `${BROKEN}/${name}`;
    const text = readFileSync(path, "utf8");
    const expected = /^# expect: (.*)$/m.exec(text)?.[1] ?? "(no expectation)";
    const found = lines(problems({ ...shippedSources(), [path]: text }));
    expect(found.some((l) => l.startsWith(`${path}:${expected}`)), `${found.join("\n")}\n— expected ${path}:${expected}`).toBe(true);
  });

  it("covers every error kind the checker knows", () => {
    const codes = new Set<string>();
    for (const name of broken) {
      const path = `${BROKEN}/${name}`;
      for (const e of problems({ ...shippedSources(), [path]: readFileSync(path, "utf8") })) codes.add(e.code);
    }
    for (const code of ["yaml_syntax", "schema", "unknown_step", "unreachable_step", "unknown_action", "unknown_validator", "unknown_input", "bad_expression", "unknown_variable", "missing_translation", "interpolation_mismatch", "unknown_role", "unknown_flow"]) {
      expect(codes.has(code), code).toBe(true);
    }
  });
});
