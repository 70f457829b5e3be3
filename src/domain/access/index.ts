/** Access rules of the admin API: actors and their areas, masking, role assignment. Pure. */
export * from "./area.js";
export * from "./actor.js";
export * from "./mask.js";
export * from "./policy.js";
