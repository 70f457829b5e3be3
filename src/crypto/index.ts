/** Sealing of sensitive member fields (AES-256-GCM) and the keys that do it. */
export * from "./field-cipher.js";
export * from "./keyring.js";
export * from "./key-loader.js";
export * from "./local-key-file.js";
export * from "./proof-code.js";
