/** Member-field rules: pure validators returning `Checked` values, never throwing on bad input. */
export * from "./result.js";
export * from "./epic.js";
export * from "./phone.js";
export * from "./age.js";
export * from "./pin-code.js";
export * from "./membership-number.js";
export * from "./gender-address.js";
