import { foldForMatch, normalizeInput } from "../src/engine/text/normalize.js";
console.log([foldForMatch("हाँ"), foldForMatch("हां"), foldForMatch(" Yes!! "), normalizeInput("१२३\u200b 4\t5"), foldForMatch("ज़रूर"), foldForMatch("नहीं"), foldForMatch("रोकें")]);
console.log(foldForMatch("हाँ")===foldForMatch("हां"));
