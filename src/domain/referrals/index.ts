/** Referral rules: personal codes and the recruiter leaderboard. */
export * from "./code.js";
export * from "./leaderboard.js";
export * from "./links.js";
