/** The engine's entry point. */
import type { EngineEvent, EnginePorts, FlowSet, ResumeResult, Session } from "./types.js";

/** Drive a session with one event. Pure: same inputs, same outputs. */
export function resume(_flows: FlowSet, _session: Session | null, _event: EngineEvent, _ports: EnginePorts): ResumeResult {
  throw new Error("TODO");
}
