/**
 * The static checker: everything `flows:check` reports, with file and line. Pure: the caller
 * passes the registered actions, the locale resources and the known roles.
 */
import { FAIL_REASONS } from "../inputs/answer.js";
import { stepFacts } from "../steps/index.js";
import type { CheckContext, FlowError, FlowSet } from "../types.js";
import { calledFlows, checkGraph } from "./graph.js";
import { checkKey, checkStepKeys } from "./i18n.js";
import { reporter } from "./locate.js";
import { checkRefs } from "./refs.js";
import { BUILTIN_VARS, checkExpressions, writtenVars } from "./vars.js";

/** Variables a flow may read: builtins, its own writes and params, and writes of flows it calls. */
function knownVars(flows: FlowSet, flowId: string, seen: Set<string> = new Set()): string[] {
  const lf = flows.flows[flowId];
  if (lf === undefined || seen.has(flowId)) return [];
  seen.add(flowId);
  return [...BUILTIN_VARS, ...writtenVars(lf.flow), ...calledFlows(lf.flow).flatMap((f) => knownVars(flows, f, seen))];
}

/** Global file: referenced flows exist, engine messages and every `errors.*` reason are translated. */
function checkGlobal(flows: FlowSet, ctx: CheckContext, out: FlowError[]): void {
  const r = reporter(flows.globalFile, flows.globalPositions, out);
  const g = flows.global;
  const flowIds = new Set(Object.keys(flows.flows));
  if (!flowIds.has(g.fallback_flow)) r.at("fallback_flow", "unknown_flow", `unknown flow '${g.fallback_flow}'`);
  for (const [name, cmd] of Object.entries(g.commands)) {
    if (cmd.flow !== undefined && !flowIds.has(cmd.flow)) r.at(`commands.${name}.flow`, "unknown_flow", `unknown flow '${cmd.flow}'`);
  }
  for (const [name, key] of Object.entries(g.messages)) checkKey(key, BUILTIN_VARS, ctx, (code, msg) => r.at(`messages.${name}`, code, msg));
  for (const reason of FAIL_REASONS) checkKey(`errors.${reason}`, BUILTIN_VARS, ctx, (code, msg) => r.at("messages", code, msg));
}

/** Every problem in a flow set, sorted by file and line. */
export function checkFlowSet(flows: FlowSet, ctx: CheckContext): FlowError[] {
  const out: FlowError[] = [];
  const flowIds = new Set(Object.keys(flows.flows));
  checkGlobal(flows, ctx, out);
  for (const [id, lf] of Object.entries(flows.flows)) {
    const r = reporter(lf.file, lf.positions, out);
    const known = knownVars(flows, id);
    checkGraph(lf.flow, r);
    checkRefs(lf.flow, flowIds, ctx, r);
    checkExpressions(lf.flow, known, r);
    const keys = Object.entries(lf.flow.steps).map(([sid, step]): [string, unknown, string[]] => [sid, step, stepFacts(step).keys]);
    checkStepKeys(keys, known, ctx, r);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
