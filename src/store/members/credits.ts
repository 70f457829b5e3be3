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
}

export async function districtCredits(members: MemberModels["members"], district: string): Promise<DistrictCredit[]> {
  const counts = await members.aggregate<{ _id: string; credits: number }>([
    { $match: { creditDistrict: district, creditedTo: { $type: "string" } } },
    { $group: { _id: "$creditedTo", credits: { $sum: 1 } } },
  ]);
  const recruiters = await members.find({ _id: { $in: counts.map((c) => c._id) }, status: "active" }, { name: 1 }).lean();
  const names = new Map(recruiters.map((r) => [r._id, r.name ?? ""]));
  return counts
    .filter((c) => names.has(c._id))
    .map((c) => ({ memberId: c._id, name: names.get(c._id) ?? "", credits: c.credits }))
    .sort((a, b) => b.credits - a.credits || a.memberId.localeCompare(b.memberId));
}
