/**
 * Prints the inbound event a captured channel payload becomes, to debug real traffic:
 *   npm run replay -- telegram path/to/update.json     (or `-` to read stdin)
 *   npm run replay -- whatsapp path/to/upsert.json     (a messages.upsert, one WAMessage or an array)
 * Exit code 0: converted or ignored (the reason is printed); 1: unreadable input; 2: bad usage.
 */
import { readFileSync } from "node:fs";
import { convertUpdate } from "../src/channels/telegram/convert.js";
import { convertCapture } from "../src/channels/whatsapp/convert.js";

const CONVERTERS: Record<string, (raw: unknown) => unknown> = {
  telegram: convertUpdate,
  whatsapp: convertCapture,
};

function main(argv: string[]): number {
  const [channel, file] = argv;
  const convert = channel === undefined ? undefined : CONVERTERS[channel];
  if (!convert || file === undefined) {
    console.error(`usage: npm run replay -- <${Object.keys(CONVERTERS).join("|")}> <file.json|->`);
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file === "-" ? 0 : file, "utf8"));
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    return 1;
  }
  console.log(JSON.stringify(convert(raw), null, 2));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
