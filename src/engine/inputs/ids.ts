/** Indian identifiers: mobile number, EPIC voter id, PIN code. */
import { fail, ok, type Answer, type InputResult } from "./answer.js";

/** 10-digit Indian mobile number from common spellings (+91, 0 prefix, spaces, dashes); null if not one. */
export function parseMobile(text: string): string | null {
  const digits = text.replace(/[\s\-().]/g, "").replace(/^(\+91|0091|91(?=\d{10}$)|0(?=\d{10}$))/, "");
  return /^[6-9]\d{9}$/.test(digits) ? digits : null;
}

/** Validate a mobile number; saves 10 digits. */
export function validateMobile(a: Answer): InputResult {
  const m = a.kind === "text" ? parseMobile(a.text) : null;
  return m === null ? fail("mobile") : ok(m);
}

const EPIC_NEW = /^[A-Z]{3}\d{7}$/;
const EPIC_OLD = /^[A-Z]{2,3}\/\d{1,3}\/\d{1,4}\/\d{1,7}$/;

/** Validate an EPIC voter id: `ABC1234567`, or the older `UP/01/234/1234567`; saves upper case without spaces. */
export function validateEpic(a: Answer): InputResult {
  if (a.kind !== "text") return fail("epic");
  const t = a.text.toUpperCase().replace(/\s+/g, "").replace(/\\/g, "/");
  return EPIC_NEW.test(t) || EPIC_OLD.test(t) ? ok(t) : fail("epic");
}

/** Validate a 6-digit PIN code (first digit 1–9, spaces allowed). */
export function validatePincode(a: Answer): InputResult {
  const t = a.kind === "text" ? a.text.replace(/\s+/g, "") : "";
  return /^[1-9]\d{5}$/.test(t) ? ok(t) : fail("pincode");
}
