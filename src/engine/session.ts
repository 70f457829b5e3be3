/** Building and updating sessions: plain JSON, free functions. */
import type { Lang, Session } from "./types.js";

/** What the runtime knows about a contact when no session exists yet. */
export interface SessionInit {
  language?: Lang;
  roles?: string[];
  optedOut?: boolean;
}

/** A fresh, idle session for a contact (seq 0 means "never talked to us"). */
export function createSession(contactKey: string, init: SessionInit = {}): Session {
  return {
    contactKey,
    language: init.language ?? "hi",
    roles: init.roles ?? [],
    current: null,
    stack: [],
    history: [],
    vars: {},
    retries: 0,
    seq: 0,
    optedOut: init.optedOut ?? false,
    expiresAt: null,
    timers: [],
    wait: null,
  };
}
