import { createTranslator } from "../src/i18n/index.js";
import { formatNumber } from "../src/i18n/format.js";
console.log(formatNumber(123456, "hi", { devanagariDigits: true }));
const t2 = createTranslator({ resources: { hi: { a: { b: "{{n, number}}" } }, en: {} }, devanagariDigits: true });
console.log(t2("a.b", { n: 123456 }, "hi"));
