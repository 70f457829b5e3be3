/**
 * Named effectful operations that flows call (`do: members.enrol`). Arguments and results are
 * zod-checked at the boundary; every run is idempotent by its key (session + step sequence), so a
 * replay after a crash or a version conflict reuses the first result instead of acting twice.
 */
import type { z } from "zod";
import type { Json } from "../engine/types.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { noticesFor, type Notify } from "./notices.js";

export interface ActionContext {
  contactKey: string;
  now: Date;
}

/** What an action's `run` gets besides its arguments. */
export interface ActionRunContext extends ActionContext {
  /** The run's idempotency key (session + step): the same on a replay, unique otherwise. */
  key: string;
  /** Queues a message to another contact (see notices.ts); idempotent per key and recipient. */
  notify: Notify;
}

export interface ActionDefinition<A extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  name: string;
  args: A;
  result: R;
  run(args: z.infer<A>, context: ActionRunContext): Promise<z.infer<R>>;
}

/** Declares an action with its types inferred from the schemas. */
export function defineAction<A extends z.ZodType, R extends z.ZodType>(definition: ActionDefinition<A, R>): ActionDefinition {
  return definition as unknown as ActionDefinition;
}

/**
 * An expected failure an action reports (e.g. `duplicate_epic`); the flow's `on_error` handles it.
 * Any other thrown error is treated as transient: nothing is recorded and the event is retried.
 */
export class ActionFailure extends Error {
  constructor(readonly code: string) {
    super(code);
    this.name = "ActionFailure";
  }
}

export type ActionOutcome = { ok: true; result: Json } | { ok: false; error: string };

export interface ActionRegistry {
  names(): string[];
  /** Runs `name` once per `key`: a second call with the same key returns the stored outcome. */
  runOnce(key: string, name: string, args: unknown, context: ActionContext): Promise<ActionOutcome>;
}

export interface ActionRegistryOptions {
  /** Called after a notice was queued for a contact (wakes its channel's sender). */
  onOutbox?(contactKey: string): void;
}

export function createActionRegistry(models: RuntimeModels, definitions: ActionDefinition[], options: ActionRegistryOptions = {}): ActionRegistry {
  const byName = new Map(definitions.map((d) => [d.name, d]));
  return {
    names: () => [...byName.keys()].sort(),
    async runOnce(key, name, args, context) {
      const previous = await models.actionResults.findById(key).lean();
      if (previous) return previous.ok ? { ok: true, result: (previous.result ?? null) as Json } : { ok: false, error: previous.error ?? "failed" };
      const notify = noticesFor(models, key, context.now, options.onOutbox);
      const outcome = await runChecked(byName.get(name), name, args, { ...context, key, notify });
      try {
        await models.actionResults.create({ _id: key, name, ...outcome, at: context.now });
      } catch (error) {
        // Another instance ran the same step concurrently and stored first: its outcome wins.
        if ((error as { code?: number }).code !== 11000) throw error;
        return this.runOnce(key, name, args, context);
      }
      return outcome;
    },
  };
}

async function runChecked(definition: ActionDefinition | undefined, name: string, args: unknown, context: ActionRunContext): Promise<ActionOutcome> {
  if (!definition) return { ok: false, error: `unknown_action:${name}` };
  const parsedArgs = definition.args.safeParse(args);
  if (!parsedArgs.success) return { ok: false, error: `invalid_args:${parsedArgs.error.issues[0]?.message ?? ""}` };
  try {
    const result = definition.result.parse(await definition.run(parsedArgs.data, context));
    return { ok: true, result: result as Json };
  } catch (error) {
    if (error instanceof ActionFailure) return { ok: false, error: error.code };
    throw error;
  }
}
