/** Digital ID cards: PNG rendering (Devanagari-correct) and signed verification codes. */
export * from "./render-card.js";
export * from "./verification-code.js";
export * from "./signing-key.js";
export { registerCardFonts } from "./fonts.js";
