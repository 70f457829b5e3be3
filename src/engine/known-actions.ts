/**
 * Action names the shipped flows use (none yet). The runtime's action registry will replace this
 * list; `scripts/flows-check.ts` reads it to report unknown actions.
 */
export const KNOWN_ACTIONS: readonly string[] = [];

/** Roles a flow guard may require (mirrors the domain roles in ARCHITECTURE.md). */
export const KNOWN_ROLES: readonly string[] = ["member", "enroller", "trainer", "coordinator", "admin"];
