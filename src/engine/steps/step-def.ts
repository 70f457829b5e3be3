/** What every step type module provides: how to run it, and what the checker should know about it. */
import type { Ctx } from "../context.js";
import type { StepOf, StepType } from "../schema/index.js";

/** What running a step leads to. */
export type StepOutcome =
  | { type: "next"; stepId: string | undefined }
  | { type: "wait" }
  | { type: "end" }
  | { type: "call"; flowId: string };

/** Static facts about a step, for the checker. */
export interface StepFacts {
  /** Step ids it may continue at. */
  targets: string[];
  /** i18n keys it sends. */
  keys: string[];
  /** Expressions it evaluates. */
  expressions: string[];
  /** Templates it renders. */
  templates: string[];
  /** Variables it writes (a saved action result makes every path below it known). */
  writes: string[];
  actions: string[];
  flows: string[];
}

/** A step type: run it, describe it. */
export interface StepDef<K extends StepType> {
  run(step: StepOf<K>, ctx: Ctx, stepId: string): StepOutcome;
  facts(step: StepOf<K>): StepFacts;
}

/** Facts with every list empty, to spread over. */
export function noFacts(): StepFacts {
  return { targets: [], keys: [], expressions: [], templates: [], writes: [], actions: [], flows: [] };
}

/** `[x]` when defined, else `[]`. */
export function opt<T>(x: T | undefined): T[] {
  return x === undefined ? [] : [x];
}
