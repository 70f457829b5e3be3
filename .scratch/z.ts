import { z } from "zod";
const A = z.strictObject({ type: z.literal("a"), min: z.number().int().optional() });
const B = z.strictObject({ type: z.literal("b") });
const U = z.discriminatedUnion("type", [A, B]);
const S = z.strictObject({ x: z.string().regex(/^a/).describe("an x"), input: U, d: z.string().default("q") }).transform(v => ({...v, kind: "k"}));
console.log(JSON.stringify(S.safeParse({ x: "b", input: { type: "c" }, zz: 1 }).error?.issues));
console.log(JSON.stringify(z.toJSONSchema(S, { io: "input" })).slice(0, 600));
