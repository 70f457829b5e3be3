/** The input-type registry: one exhaustive switch from input type to validator. */
import { assertNever } from "../assert-never.js";
import type { Input } from "../schema/index.js";
import type { Wait } from "../types.js";
import type { Answer, InputResult } from "./answer.js";
import { DEFAULT_PAGE_SIZE, validateChoice } from "./choice.js";
import { validateDate } from "./date.js";
import { validateEpic, validateMobile, validatePincode } from "./ids.js";
import { validateContact, validateLocation, validatePhoto } from "./media.js";
import { validateAge, validateNumeric } from "./numeric.js";
import { validateText } from "./text.js";
import { validateYesNo } from "./yesno.js";

export { toAnswer, type Answer, type InputResult } from "./answer.js";

/** Validate an answer for `input`; `wait` carries a choice question's options and page. */
export function validateInput(input: Input, wait: Extract<Wait, { type: "input" }>, a: Answer): InputResult {
  switch (input.type) {
    case "text":
      return validateText(input, a);
    case "integer":
    case "number":
      return validateNumeric(input, a);
    case "age":
      return validateAge(input, a);
    case "yesno":
      return validateYesNo(a);
    case "choice":
      return validateChoice(wait.options ?? [], wait.page ?? 0, input.page ?? DEFAULT_PAGE_SIZE, a);
    case "mobile":
      return validateMobile(a);
    case "epic":
      return validateEpic(a);
    case "pincode":
      return validatePincode(a);
    case "date":
      return validateDate(a);
    case "photo":
      return validatePhoto(a);
    case "location":
      return validateLocation(a);
    case "contact":
      return validateContact(a);
    default:
      return assertNever(input);
  }
}
