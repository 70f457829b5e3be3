/**
 * Names of the actions the runtime registers (`src/actions/`, which the engine may not import);
 * `scripts/flows-check.ts` reads them to report unknown actions. `test/actions/enrolment.test.ts`
 * keeps this list equal to the registry.
 */
export const KNOWN_ACTIONS: readonly string[] = [
  "booths.constituencies",
  "booths.search",
  "cards.send",
  "consent.grant",
  "consent.notice",
  "members.check_proof",
  "members.correct",
  "members.enrol",
  "members.erase",
  "members.find_duplicate",
  "members.lookup",
  "members.my_data",
  "members.request_proof",
  "members.seal",
  "members.sender_phone",
  "members.update_existing",
  "referrals.leaderboard",
];

/** Roles a flow guard may require (mirrors the domain roles in ARCHITECTURE.md). */
export const KNOWN_ROLES: readonly string[] = ["member", "enroller", "chief_enroller", "trainer", "coordinator", "admin"];
