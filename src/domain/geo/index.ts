/** Geography rules: types, unit keys, CSV row validation, name folding and booth search. */
export * from "./types.js";
export * from "./keys.js";
export * from "./ledger.js";
export * from "./csv-line.js";
export * from "./csv-row.js";
export * from "./fold.js";
export * from "./fuzzy.js";
export * from "./paginate.js";
export * from "./search.js";
