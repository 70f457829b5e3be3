/** Flow-file schemas (zod, written once) and the types inferred from them. */
export * from "./common.js";
export * from "./inputs.js";
export * from "./steps.js";
export * from "./flow.js";
export * from "./global.js";
