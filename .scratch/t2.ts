import i18next from "i18next";
const i18n = i18next.createInstance();
void i18n.init({ resources: { hi: { translation: { a: "{{n, number}}" } } }, lng: "hi", initAsync: false, showSupportNotice: false });
console.log(!!i18n.services.formatter);
i18n.services.formatter?.add("number", () => "X");
console.log(i18n.t("a", { n: 5 }), i18n.t("a", { replace: { n: 5 } }));
