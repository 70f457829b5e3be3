/** The server-side guard of `members.update_existing` (see members-proof.ts for how proofs are made). */
import { ActionFailure } from "../runtime/actions.js";
import type { ProofDoc, ProofStore } from "../store/members/proofs.js";
import type { EnrolmentServices } from "./deps.js";

/**
 * The verified proof that lets the update run `useKey` of `contactKey` change `memberId`, used up
 * by this call; without one the update is refused (`not_proven`) and the refusal audited.
 */
export async function useProof(
  s: EnrolmentServices,
  proofs: ProofStore,
  run: { contactKey: string; memberId: string; useKey: string; actor: string; now: Date },
): Promise<ProofDoc> {
  const proof = await proofs.use(run.contactKey, run.memberId, run.useKey, run.now);
  if (proof) return proof;
  await s.audit.record({ action: "member.update_refused", memberId: run.memberId, actor: run.actor, fields: [], detail: "not_proven" }, run.now);
  throw new ActionFailure("not_proven");
}
