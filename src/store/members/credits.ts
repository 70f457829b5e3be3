/**
 * Recruitment credits per district, counted from the members themselves (who `creditedTo` names)
 * rather than kept in a counter: a retried enrolment can never count twice, and an erased member
 * still counts for the person who brought them in.
 */
import type { MemberModels } from "./model.js";

export interface DistrictCredit {
  memberId: string;
  name: string;
  credits: number;
  /** Membership sequence: among equal counts, the longer-standing member is listed first. */
  sequence: number;
}

export async function districtCredits(members: MemberModels["members"], district: string): Promise<DistrictCredit[]> {
  const counts = await members.aggregate<{ _id: string; credits: number }>([
    { $match: { creditDistrict: district, creditedTo: { $type: "string" } } },
    { $group: { _id: "$creditedTo", credits: { $sum: 1 } } },
  ]);
  const recruiters = await members.find({ _id: { $in: counts.map((c) => c._id) }, status: "active" }, { name: 1, sequence: 1 }).lean();
  const byId = new Map(recruiters.map((r) => [r._id, r]));
  return counts
    .flatMap((c) => {
      const r = byId.get(c._id);
      return r ? [{ memberId: c._id, name: r.name ?? "", credits: c.credits, sequence: r.sequence }] : [];
    })
    .sort((a, b) => b.credits - a.credits || a.sequence - b.sequence);
}
