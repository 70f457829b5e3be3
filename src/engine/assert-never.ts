/** Compile-time exhaustiveness guard: a `switch` default that fails to type-check if a variant is missed. */
export function assertNever(x: never): never {
  throw new Error(`unexpected variant: ${JSON.stringify(x)}`);
}
