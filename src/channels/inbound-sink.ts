/**
 * Where channel events go: messages into the runtime (which logs them in the inbound log first,
 * deduplicating by channel + event id), reachability changes onto the contact. Nothing here is
 * Telegram-specific; it lives with the first adapter that reports reachability.
 */
import type { Runtime } from "../runtime/runtime.js";
import type { RuntimeModels } from "../store/models/runtime-models.js";
import { setContactReachable } from "../jobs/sender/contact-flags.js";
import { assertNever } from "../util/assert-never.js";
import type { InboundHandler } from "./channel.js";

export function createInboundSink(deps: { runtime: Pick<Runtime, "receive">; models: RuntimeModels }): InboundHandler {
  return async (event) => {
    switch (event.type) {
      case "message":
        await deps.runtime.receive(event.message, event.profile);
        return;
      case "reachability":
        await setContactReachable(deps.models, event.contactKey, event.reachable, event.at);
        return;
      default:
        return assertNever(event);
    }
  };
}
