/**
 * CSV for spreadsheets (RFC 4180, CRLF). Cells a spreadsheet would run as a formula — starting
 * with = + - @, or tab / carriage return (OWASP "CSV injection") — get a leading `'` so they stay
 * text. A phone `+91…` therefore reads `'+91…`, which also stops Excel turning it into a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return "";
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly (string | number | undefined | null)[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
