/** Step targets, reachability and flow references. */
import type { Flow } from "../schema/index.js";
import { stepFacts } from "../steps/index.js";
import type { Reporter } from "./locate.js";

/** Unknown step targets (including `moved:` targets) and steps unreachable from `start`. */
export function checkGraph(flow: Flow, r: Reporter): void {
  const has = (id: string) => Object.hasOwn(flow.steps, id);
  if (!has(flow.start)) r.at("start", "unknown_step", `start step '${flow.start}' does not exist`);
  for (const [oldId, newId] of Object.entries(flow.moved ?? {})) {
    if (!has(newId)) r.at(`moved.${oldId}`, "unknown_step", `moved: '${oldId}' → '${newId}', but '${newId}' does not exist`);
  }
  const seen = new Set<string>();
  const queue = has(flow.start) ? [flow.start] : [];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const step = flow.steps[id];
    if (step === undefined) continue;
    for (const target of stepFacts(step).targets) {
      if (has(target)) queue.push(target);
      else r.atValue(step, `steps.${id}`, target, "unknown_step", `step '${id}' goes to '${target}', which does not exist`);
    }
  }
  for (const id of Object.keys(flow.steps)) {
    if (!seen.has(id) && has(flow.start)) r.at(`steps.${id}`, "unreachable_step", `step '${id}' is never reached from '${flow.start}'`);
  }
}

/** Every flow a flow calls. */
export function calledFlows(flow: Flow): string[] {
  return Object.values(flow.steps).flatMap((s) => stepFacts(s).flows);
}
