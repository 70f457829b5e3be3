/**
 * Transcript files (`test/transcripts/*.yaml`): who says what, the replies expected, the records
 * expected afterwards. Format documented in docs/transcripts.md.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";

const botMessage = z
  .strictObject({
    text: z.string().optional(),
    contains: z.string().optional(),
    choices: z.array(z.string()).optional(),
  })
  .refine((m) => m.text !== undefined || m.contains !== undefined, { message: "a bot message needs text or contains" });

const contactId = z.string().regex(/^[a-zA-Z0-9_-]{1,40}$/);

const turn = z.strictObject({
  /** Text, a tapped button, or the one-time code the last message to another contact carried. */
  user: z.union([z.string(), z.strictObject({ choice: z.string() }), z.strictObject({ code_from: contactId })]),
  bot: z.array(botMessage),
  /** What other contacts receive during this turn (every one named anywhere must receive exactly this; none named: nothing). */
  others: z.record(contactId, z.array(botMessage)).optional(),
});

export const transcriptSchema = z.strictObject({
  title: z.string().min(1),
  language: z.enum(["hi", "en"]),
  /** Flow ids this transcript exercises; every shipped flow must be covered in both languages. */
  covers: z.array(z.string()).min(1),
  contact: z.strictObject({
    id: contactId,
    name: z.string().optional(),
    /** The phone the simulator declares (like a WhatsApp sender's number). */
    phone: z.string().optional(),
    role: z.enum(["member", "enroller", "trainer", "coordinator", "admin"]).optional(),
  }),
  conversation: z.array(turn).min(1),
  /** Collection → documents (by `_id`; members by `number`) that must match these fields afterwards. */
  records: z.partialRecord(z.enum(["contacts", "sessions", "outbox", "members"]), z.array(z.record(z.string(), z.unknown()))).optional(),
});

export type Transcript = z.infer<typeof transcriptSchema>;
export type TranscriptTurn = z.infer<typeof turn>;

export function readTranscript(file: string): Transcript {
  const parsed = transcriptSchema.safeParse(parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  return parsed.data;
}
