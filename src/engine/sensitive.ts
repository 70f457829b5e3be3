/** Whether the next message a session receives answers a question marked `sensitive: true`. */
import type { FlowSet, Session } from "./types.js";

/**
 * True when `session` waits for the answer to an ask step with `sensitive: true` in `flows`. The
 * runtime asks this before processing a message, so it can blank the message in the inbound log
 * afterwards. Pure; a session whose flow or step no longer exists answers false.
 */
export function awaitsSensitiveAnswer(flows: FlowSet, session: Session | null | undefined): boolean {
  const current = session?.current;
  if (!current || session?.wait?.type !== "input") return false;
  const flow = Object.hasOwn(flows.flows, current.flowId) ? flows.flows[current.flowId]?.flow : undefined;
  const step = flow && Object.hasOwn(flow.steps, current.stepId) ? flow.steps[current.stepId] : undefined;
  return step?.type === "ask" && step.sensitive === true;
}
