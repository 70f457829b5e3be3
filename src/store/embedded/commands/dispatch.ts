/** Routes a command document to its handler by its first field, as mongod does. */
import type { Document } from "../contract.js";
import type { Ctx } from "../engine/context.js";
import { CommandError, ErrorCode, asCommandError } from "../engine/errors.js";
import { adminCommands } from "./admin.js";
import { aggregateCommands } from "./aggregate.js";
import { crudCommands } from "./crud.js";
import { findAndModifyCommands } from "./find-and-modify.js";
import { findCommands } from "./find.js";
import { handshakeCommands } from "./handshake.js";
import { indexCommands } from "./indexes.js";

type Handler = (ctx: Ctx, cmd: Document) => Document;

const HANDLERS = new Map<string, Handler>(
  Object.entries({
    ...handshakeCommands,
    ...adminCommands,
    ...crudCommands,
    ...findCommands,
    ...findAndModifyCommands,
    ...aggregateCommands,
    ...indexCommands,
  }),
);

/** The reply to one command; failures become `ok: 0` replies, never exceptions. */
export function dispatch(ctx: Ctx, cmd: Document): Document {
  const name = Object.keys(cmd)[0] ?? "";
  const handler = HANDLERS.get(name);
  try {
    if (!handler) throw new CommandError(ErrorCode.CommandNotFound, `no such command: '${name}'`);
    return handler(ctx, cmd);
  } catch (err) {
    return asCommandError(err).toReply();
  }
}
