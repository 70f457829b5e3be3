/**
 * Request parameters the way the Bot API accepts them: query string, JSON, urlencoded form, or
 * multipart (grammY's own multipart writer uses `content-disposition:form-data;name="x"` without
 * spaces and an unquoted `filename=`, so the parser is deliberately lenient).
 */
export type Params = Record<string, unknown>;

/** An uploaded file, referenced from a parameter as `attach://<name>`. */
export interface Upload {
  filename: string;
  size: number;
  /** The uploaded bytes, so tests can check what was sent (a card PNG that decodes). */
  bytes: Buffer;
}

export class BadRequest extends Error {}

export function parseParams(query: URLSearchParams, contentType: string, body: Buffer): Params {
  const params: Params = Object.fromEntries(query);
  if (body.length === 0) return params;
  const type = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type === "application/json") {
    try {
      return { ...params, ...(JSON.parse(body.toString("utf8")) as Params) };
    } catch {
      throw new BadRequest("Bad Request: can't parse JSON object");
    }
  }
  if (type === "application/x-www-form-urlencoded") return { ...params, ...Object.fromEntries(new URLSearchParams(body.toString("utf8"))) };
  if (type === "multipart/form-data") return { ...params, ...parseMultipart(contentType, body) };
  return params;
}

function parseMultipart(contentType: string, body: Buffer): Params {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new BadRequest("Bad Request: bad multipart boundary");
  const params: Params = {};
  const uploads: Record<string, Upload> = {};
  for (const chunk of splitBuffer(body, Buffer.from(`--${boundary}`))) {
    const headerEnd = chunk.indexOf("\r\n\r\n");
    if (headerEnd < 0) continue;
    const headers = chunk.subarray(0, headerEnd).toString("utf8");
    const content = chunk.subarray(headerEnd + 4, chunk.length - (chunk.subarray(-2).toString() === "\r\n" ? 2 : 0));
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const filename = /filename="?([^";\r\n]*)"?/i.exec(headers)?.[1];
    if (filename !== undefined) uploads[name] = { filename, size: content.length, bytes: Buffer.from(content) };
    else params[name] = content.toString("utf8");
  }
  // Resolve `attach://id` references so recorded calls show what was uploaded.
  for (const [key, value] of Object.entries(params)) {
    const match = typeof value === "string" ? /^attach:\/\/(.+)$/.exec(value) : null;
    const upload = match?.[1] !== undefined ? uploads[match[1]] : undefined;
    if (upload) params[key] = { upload };
  }
  return params;
}

function splitBuffer(body: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let start = body.indexOf(separator);
  while (start >= 0) {
    const from = start + separator.length;
    const next = body.indexOf(separator, from);
    if (next < 0) break;
    // Skip the CRLF after the boundary line.
    parts.push(body.subarray(body.subarray(from, from + 2).toString() === "\r\n" ? from + 2 : from, next));
    start = next;
  }
  return parts;
}

/** Bot API parameters that are objects arrive as JSON strings in forms. */
export function objectParam(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    throw new BadRequest("Bad Request: can't parse reply keyboard markup JSON object");
  }
}
