/** Global commands from `_global.yaml`: STOP, START, HELP, MENU, LANGUAGE, CANCEL, BACK and friends. */
import { assertNever } from "./assert-never.js";
import { say, stepAt, type Ctx } from "./context.js";
import { goIdle, runSteps, startFlow } from "./flow-run.js";
import { sendQuestion } from "./question.js";
import type { GlobalCommand } from "./schema/index.js";
import { firstWord, foldForMatch } from "./text/normalize.js";

/** The command a message invokes, if any. Only typed text and slash commands can invoke one. */
export function matchCommand(ctx: Ctx, kind: string, folded: string): GlobalCommand | undefined {
  if (kind !== "text" && kind !== "command") return undefined;
  const first = firstWord(folded);
  for (const cmd of Object.values(ctx.flows.global.commands)) {
    const words = cmd.words.map(foldForMatch);
    if (words.includes(folded)) return cmd;
    if (cmd.match === "first_word" && words.includes(first)) return cmd;
  }
  return undefined;
}

/** Re-ask the question the session waits on, prefixed by `key` instead of the question. */
function reaskWith(ctx: Ctx, key: string): void {
  const step = ctx.s.current === null ? undefined : stepAt(ctx, ctx.s.current);
  if (step?.type === "ask" && ctx.s.wait?.type === "input") sendQuestion(ctx, step, key);
  else say(ctx, key);
}

/** BACK: re-ask the previous question of this flow. */
function back(ctx: Ctx): void {
  const cur = ctx.s.current;
  const prev = ctx.s.history.at(-1);
  if (cur === null || prev === undefined || ctx.s.wait?.type !== "input") return reaskWith(ctx, ctx.flows.global.messages.cannot_go_back);
  ctx.s.history = ctx.s.history.slice(0, -1);
  cur.stepId = prev;
  ctx.s.wait = null;
  runSteps(ctx);
}

/** Run a command flow: as an aside that returns to the waiting question, or instead of the current flow. */
function runFlow(ctx: Ctx, cmd: GlobalCommand, flowId: string): void {
  const cur = ctx.s.current;
  if (cmd.mode === "return" && cur !== null && ctx.s.wait?.type === "input") {
    ctx.s.stack.push({ ...cur, onReturn: "reask" });
    if (!startFlow(ctx, flowId, { sub: true })) ctx.s.stack.pop();
    return;
  }
  goIdle(ctx, "cancelled");
  startFlow(ctx, flowId);
}

/** Carry out a global command. */
export function runCommand(ctx: Ctx, cmd: GlobalCommand): void {
  if (cmd.flow !== undefined) return runFlow(ctx, cmd, cmd.flow);
  const builtin = cmd.builtin;
  switch (builtin) {
    case "cancel":
      say(ctx, ctx.flows.global.messages.cancelled);
      return goIdle(ctx, "cancelled");
    case "back":
      return back(ctx);
    case undefined:
      return;
    default:
      return assertNever(builtin);
  }
}
