/** Consent rules: notices with content-derived versions, and what a consent record holds. */
export * from "./notice.js";
export * from "./record.js";
