/**
 * The shape every member-field validator returns: a value (with optional warnings that never
 * reject) or a machine-readable reason the flow turns into a localized re-prompt. Never thrown.
 */
export type Checked<T, Reason extends string, Warning extends string = never> =
  | { ok: true; value: T; warnings?: Warning[] }
  | { ok: false; reason: Reason };

export function accept<T, W extends string = never>(value: T, warnings: W[] = []): { ok: true; value: T; warnings?: W[] } {
  return warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };
}

export function reject<R extends string>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason };
}
