/** Makes a `switch` over a union exhaustive: a new variant fails to compile where it is not handled. */
export function assertNever(value: never): never {
  throw new Error(`unhandled variant: ${JSON.stringify(value)}`);
}
