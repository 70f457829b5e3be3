/** References to the world outside the flow: actions, flows, validators, patterns, roles. */
import { isValidator } from "../inputs/validators.js";
import { compilePattern } from "../inputs/text.js";
import type { Flow } from "../schema/index.js";
import { stepFacts } from "../steps/index.js";
import type { CheckContext } from "../types.js";
import type { Reporter } from "./locate.js";

/** Unknown actions, called flows, validators, bad patterns and unknown guard roles. */
export function checkRefs(flow: Flow, flowIds: ReadonlySet<string>, ctx: CheckContext, r: Reporter): void {
  for (const [id, step] of Object.entries(flow.steps)) {
    const facts = stepFacts(step);
    for (const a of facts.actions) {
      if (!ctx.actions.includes(a)) r.atValue(step, `steps.${id}`, a, "unknown_action", `unknown action '${a}'`);
    }
    for (const f of facts.flows) {
      if (!flowIds.has(f)) r.atValue(step, `steps.${id}`, f, "unknown_flow", `unknown flow '${f}'`);
    }
    if (step.type !== "ask" || step.input.type !== "text") continue;
    const { validate, pattern } = step.input;
    if (validate !== undefined && !isValidator(validate)) {
      r.at(`steps.${id}.input.validate`, "unknown_validator", `unknown validator '${validate}'`);
    }
    if (pattern !== undefined && compilePattern(pattern) === null) {
      r.at(`steps.${id}.input.pattern`, "unknown_validator", `invalid pattern '${pattern}'`);
    }
  }
  (flow.requires?.role ?? []).forEach((role, i) => {
    if (!ctx.roles.includes(role)) r.at(`requires.role.${i}`, "unknown_role", `unknown role '${role}' in guard`);
  });
}
