/** The safe expression and template language: parse once, evaluate totally, no eval. */
export { parseExpression, type ParseResult } from "./parser.js";
export { evaluate, lookup, truthy, stringify } from "./evaluate.js";
export { parseTemplate, renderTemplate, type TemplatePart } from "./template.js";
export { variablesOf, type Expr } from "./ast.js";
