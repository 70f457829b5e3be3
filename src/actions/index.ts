/**
 * The enrolment actions flows call (`do: members.enrol`), built over one set of services.
 * Their names are listed in `src/engine/known-actions.ts` for `flows:check` (a test keeps them equal).
 */
import { randomBytes } from "node:crypto";
import { createKeyring, fieldKey } from "../crypto/index.js";
import type { ActionDefinition } from "../runtime/actions.js";
import { seedDemoGeography } from "../store/geo/demo/seed.js";
import { boothActions } from "./booths.js";
import { cardActions } from "./cards.js";
import { consentActions } from "./consent.js";
import { enrolmentServices, type EnrolmentConfig, type EnrolmentDeps } from "./deps.js";
import { createProofStore } from "../store/members/proofs.js";
import { enrolActions } from "./members-enrol.js";
import { lookupActions } from "./members-lookup.js";
import { myDataActions } from "./members-my-data.js";
import { proofActions, proofContacts } from "./members-proof.js";
import { referralActions } from "./referrals.js";

export type { EnrolmentConfig, EnrolmentDeps } from "./deps.js";

/** Every enrolment action, ready for the registry, once the member indexes exist (and demo geography, if wanted). */
export async function enrolmentActions(deps: EnrolmentDeps): Promise<ActionDefinition[]> {
  const s = enrolmentServices(deps);
  await Promise.all([s.members.init(), s.photos.init()]);
  const proofs = createProofStore(deps.connection);
  await proofs.init();
  if (deps.config.seedDemoGeography) await seedDemoGeography(deps.connection);
  return [
    ...consentActions(s),
    ...lookupActions(s),
    ...boothActions(s),
    ...enrolActions(s, proofs),
    ...proofActions(s, proofs, proofContacts(deps.connection)),
    ...myDataActions(s),
    ...referralActions(s),
    ...cardActions(s),
  ];
}

/**
 * Configuration for tests and a bare `assembleSampark` call: throwaway keys (sealed values and
 * cards die with the process) and the demo geography. `main.ts` passes the real configuration.
 */
export function ephemeralEnrolmentConfig(): EnrolmentConfig {
  return {
    orgName: "Sampark Demo Organisation",
    grievanceContact: "grievance@example.org",
    publicBaseUrl: "http://localhost:3000",
    timezone: "Asia/Kolkata",
    keyring: createKeyring(fieldKey(randomBytes(32))),
    cardSigningKey: randomBytes(32),
    seedDemoGeography: true,
  };
}

