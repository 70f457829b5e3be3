/**
 * Action names the engine itself knows of (none). `scripts/flows-check.ts` adds the names of the
 * registered actions (`src/actions/index.ts`), which the engine may not import.
 */
export const KNOWN_ACTIONS: readonly string[] = [];

/** Roles a flow guard may require (mirrors the domain roles in ARCHITECTURE.md). */
export const KNOWN_ROLES: readonly string[] = ["member", "enroller", "chief_enroller", "trainer", "coordinator", "admin"];
