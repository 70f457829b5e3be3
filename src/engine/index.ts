/**
 * The flow engine's public API. Everything but `loadFlowSet` is pure.
 *
 * - `loadFlowSet(dir)` reads `dir/*.yaml` (with `_global.yaml`) → a `FlowSet` or file:line errors.
 * - `checkFlowSet(flows, ctx)` → static errors (targets, reachability, actions, expressions,
 *   translations, roles).
 * - `resume(flows, session, event, ports)` → the next session, effects to perform, what we await.
 * - `createSession(contactKey, init)` → a fresh idle session (language, roles, opt-out from the contact).
 * - `awaitsSensitiveAnswer(flows, session)` → whether the next message answers a `sensitive: true` question.
 */
export type * from "./types.js";
export { loadFlowSet, parseFlowSource } from "./load.js";
export { checkFlowSet } from "./check/index.js";
export { resume } from "./resume.js";
export { createSession, type SessionInit } from "./session.js";
export { planEdit, type EditPlan } from "./edit-plan.js";
export { KNOWN_ACTIONS } from "./known-actions.js";
export { awaitsSensitiveAnswer } from "./sensitive.js";
export { normalizeInput, foldForMatch } from "./text/normalize.js";
