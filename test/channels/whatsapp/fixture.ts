/** Reads one of the project's own WhatsApp fixtures (test/fixtures/whatsapp): WAMessage JSON with real Baileys shapes. */
import { readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES_DIR = path.resolve(import.meta.dirname, "../../fixtures/whatsapp");

export function fixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), "utf8")) as T;
}
