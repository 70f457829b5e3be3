/**
 * Recruiter leaderboard: members ranked by how many people they brought in (referrals that
 * completed enrolment, plus people they enrolled as enrollers). Standard competition ranking
 * ("1, 2, 2, 4"): equal counts share a rank, so nobody is ranked below someone they tied with.
 */
export interface Credit {
  memberId: string;
  credits: number;
}

export interface RankedCredit extends Credit {
  rank: number;
}

/** Ranks `credits` by count; among equal counts the given order is kept (a stable sort). */
export function rankCredits(credits: readonly Credit[]): RankedCredit[] {
  const sorted = [...credits].filter((c) => c.credits > 0).sort((a, b) => b.credits - a.credits);
  let rank = 0;
  return sorted.map((c, i) => {
    if (i === 0 || sorted[i - 1]?.credits !== c.credits) rank = i + 1;
    return { ...c, rank };
  });
}
