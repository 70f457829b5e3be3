import { describe, expect, it } from "vitest";
import { evaluate, parseExpression, parseTemplate, renderTemplate, variablesOf } from "../../src/engine/expr/index.js";
import type { Json } from "../../src/engine/index.js";

const run = (src: string, vars: Json = {}) => {
  const p = parseExpression(src);
  if (!p.ok) throw new Error(p.error);
  return evaluate(p.expr, vars);
};

describe("expressions", () => {
  it("evaluates arithmetic, comparison and logic with precedence", () => {
    expect(run("1 + 2 * 3")).toBe(7);
    expect(run("(1 + 2) * 3")).toBe(9);
    expect(run("member.age < 18", { member: { age: 17 } })).toBe(true);
    expect(run("a >= 2 and not b or c", { a: 2, b: false, c: false })).toBe(true);
    expect(run("a && !b || false", { a: 1, b: 0 })).toBe(true);
    expect(run("-x + 1", { x: 3 })).toBe(-2);
    expect(run("10 % 4 - 7 / 7")).toBe(1);
  });

  it("handles strings, lists, in and the few functions", () => {
    expect(run("'a' + name", { name: "b" })).toBe("ab");
    expect(run("role in ['coordinator', 'admin']", { role: "admin" })).toBe(true);
    expect(run("'ab' in 'xaby'")).toBe(true);
    expect(run("len(name) == 3 and lower(name) == 'ram' and empty(x)", { name: "RAM" })).toBe(true);
    expect(run('"double" == "double"')).toBe(true);
  });

  it("is total: missing variables are null, mismatches are false or null, never throws", () => {
    expect(run("missing.deep.path")).toBeNull();
    expect(run("missing < 3")).toBe(false);
    expect(run("1 / 0")).toBeNull();
    expect(run("'a' - 1")).toBeNull();
    expect(run("xs.1", { xs: [5, 6] })).toBe(6);
  });

  it("rejects prototype access and unknown functions at parse time", () => {
    for (const src of ["__proto__", "a.__proto__.x", "constructor", "a.constructor", "x.prototype", "eval('1')", "toString()"]) {
      expect(parseExpression(src).ok, src).toBe(false);
    }
  });

  it("does not reach inherited properties at run time", () => {
    expect(run("a.toString", { a: {} })).toBeNull();
    expect(run("a.length", { a: "abc" })).toBeNull();
    expect(run("hasOwnProperty", {})).toBeNull();
  });

  it("reports syntax errors as values", () => {
    for (const src of ["1 +", "(a", "a ==", "'open", "a $ b", "[1, 2", "a..b", "", "((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))"]) {
      const r = parseExpression(src);
      expect(r.ok, src).toBe(false);
    }
    expect(parseExpression("x".repeat(600)).ok).toBe(false);
  });

  it("lists the variables an expression reads", () => {
    const p = parseExpression("member.age > min and role in [a, 'b'] and len(c.d) > 0");
    expect(p.ok && variablesOf(p.expr)).toEqual(["member.age", "min", "role", "a", "c.d"]);
  });
});

describe("templates", () => {
  it("interpolates, and a lone placeholder keeps its type", () => {
    expect(renderTemplate("Hi {{ member.name }}, {{n + 1}}!", { member: { name: "Asha" }, n: 1 })).toBe("Hi Asha, 2!");
    expect(renderTemplate("{{n}}", { n: 5 })).toBe(5);
    expect(renderTemplate("plain", {})).toBe("plain");
    expect(renderTemplate("{{missing}}x", {})).toBe("x");
  });

  it("rejects bad placeholders", () => {
    expect(parseTemplate("{{ a.__proto__ }}").ok).toBe(false);
    expect(parseTemplate("{{ 1 + }}").ok).toBe(false);
  });
});
