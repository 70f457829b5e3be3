/**
 * Splits one CSV line into fields (RFC 4180 quoting: `"a, b"`, `"say ""hi"""`). The geography
 * format keeps each record on one physical line, so a broken quote spoils only its own line and
 * every error has an exact line number — a whole-file parser cannot promise either.
 */
export type SplitLine = { ok: true; fields: string[] } | { ok: false; error: string };

export function splitCsvLine(line: string): SplitLine {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const field = line.charAt(i) === '"' ? quotedField(line, i) : plainField(line, i);
    if (!field.ok) return field;
    fields.push(field.value);
    i = field.end;
    if (i >= line.length) return { ok: true, fields };
    i++; // the comma
  }
}

type Field = { ok: true; value: string; end: number } | { ok: false; error: string };

function plainField(line: string, start: number): Field {
  const comma = line.indexOf(",", start);
  const end = comma === -1 ? line.length : comma;
  const value = line.slice(start, end);
  if (value.includes('"')) return { ok: false, error: `a quote inside an unquoted field at column ${start + 1}` };
  return { ok: true, value, end };
}

function quotedField(line: string, start: number): Field {
  let value = "";
  let i = start + 1;
  for (;;) {
    const quote = line.indexOf('"', i);
    if (quote === -1) return { ok: false, error: `a quoted field opened at column ${start + 1} is not closed` };
    value += line.slice(i, quote);
    if (line.charAt(quote + 1) === '"') {
      value += '"';
      i = quote + 2;
      continue;
    }
    const end = quote + 1;
    if (end < line.length && line.charAt(end) !== ",") return { ok: false, error: `text after a closing quote at column ${end + 1}` };
    return { ok: true, value, end };
  }
}
