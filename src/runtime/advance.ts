/**
 * Drives the pure engine for one event: resume, run any actions it asks for, feed their results
 * back, until the session waits for the person (or ends). Collects every other effect for commit.
 */
import { resume } from "../engine/index.js";
import type { Effect, EngineEvent, EnginePorts, FlowSet, Session } from "../engine/types.js";
import type { ActionContext, ActionRegistry } from "./actions.js";

/** A flow that chains more actions than this without waiting for input is a bug, not a workload. */
const MAX_ACTIONS_PER_EVENT = 25;

export interface AdvanceDeps {
  flows: FlowSet;
  ports: EnginePorts;
  actions: ActionRegistry;
  now(): Date;
}

export interface Advanced {
  state: Session;
  /** Effects to commit, in order; `call_action` effects are already carried out. */
  effects: Effect[];
}

export async function advance(deps: AdvanceDeps, state: Session | null, event: EngineEvent): Promise<Advanced> {
  let result = resume(deps.flows, state, event, deps.ports);
  const effects: Effect[] = [];
  for (let actionsRun = 0; ; actionsRun++) {
    const call = result.effects.find((e): e is Extract<Effect, { type: "call_action" }> => e.type === "call_action");
    effects.push(...result.effects.filter((e) => e.type !== "call_action"));
    if (!call) return { state: result.session, effects };
    if (actionsRun >= MAX_ACTIONS_PER_EVENT) throw new Error(`flow ran more than ${MAX_ACTIONS_PER_EVENT} actions for one event`);
    const context: ActionContext = { contactKey: event.contactKey, now: deps.now() };
    const outcome = await deps.actions.runOnce(call.key, call.name, call.args, context);
    const resultEvent: EngineEvent = outcome.ok
      ? { type: "action_result", contactKey: event.contactKey, key: call.key, ok: true, result: outcome.result }
      : { type: "action_result", contactKey: event.contactKey, key: call.key, ok: false, error: outcome.error };
    result = resume(deps.flows, result.session, resultEvent, deps.ports);
  }
}
