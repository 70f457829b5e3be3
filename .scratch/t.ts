import { createTranslator } from "../src/i18n/index.js";
const t = createTranslator();
console.log(t("menu.ask", {}, "en"), "|", t("menu.ask", {}, "hi"), "|", t("nope.key", {}, "en"));
const t2 = createTranslator({ resources: { hi: { a: { b: "नमस्ते {{member.name}}, {{n, number}} count {{count}}" } }, en: { a: { b: "Hi {{member.name}} {{n, number}}" } } }, devanagariDigits: true });
console.log(t2("a.b", { member: { name: "राम" }, n: 123456, count: 5, lng: "en" }, "hi"), t2("a.b", { member: { name: "Ram" }, n: 123456 }, "en"));
