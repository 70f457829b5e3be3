/** Named extra validators a `text` input may reference with `validate:`. */

/** Validator name → test of normalized text. Each name is also a failure reason (`errors.<name>`). */
export const VALIDATORS = {
  /** Letters in any script, marks, spaces, dots, apostrophes and hyphens; 2–60 characters. */
  person_name: (t) => /^[\p{L}\p{M}][\p{L}\p{M} .'-]{1,59}$/u.test(t),
  /** No web links (spam guard for free-text reports). */
  no_links: (t) => !/(https?:\/\/|www\.)/i.test(t),
} as const satisfies Record<string, (text: string) => boolean>;

/** A validator name. */
export type ValidatorName = keyof typeof VALIDATORS;

/** Whether `name` is a known validator. */
export function isValidator(name: string): name is ValidatorName {
  return Object.hasOwn(VALIDATORS, name);
}
