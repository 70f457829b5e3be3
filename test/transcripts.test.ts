import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT, loadShippedFlows, startTestSampark, type TestSampark } from "./support/sampark.js";
import { readTranscript, type Transcript, type TranscriptTurn } from "./support/transcript.js";

const DIR = path.join(ROOT, "test/transcripts");
const files = readdirSync(DIR).filter((f) => f.endsWith(".yaml")).sort();
const transcripts = files.map((f) => ({ file: f, transcript: readTranscript(path.join(DIR, f)) }));

interface Reply {
  seq: number;
  text: string;
  choices?: { id: string; label: string }[];
}

describe("transcripts", () => {
  let sampark: TestSampark;
  let url = "";
  beforeAll(async () => {
    sampark = await startTestSampark();
    url = await sampark.serve();
  });
  afterAll(async () => sampark?.stop());

  it("cover every shipped flow in both languages, each with its own contact", () => {
    const flowIds = Object.keys(loadShippedFlows().flows).sort();
    for (const language of ["hi", "en"] as const) {
      const covered = new Set(transcripts.filter((t) => t.transcript.language === language).flatMap((t) => t.transcript.covers));
      expect(flowIds.filter((id) => !covered.has(id)), `flows without a ${language} transcript`).toEqual([]);
    }
    const ids = transcripts.map((t) => t.transcript.contact.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const { file, transcript } of transcripts) {
    it(`${file}: ${transcript.title}`, async () => {
      let cursor = 0;
      // Other contacts the conversation reaches (a one-time code to a membership's chat): start after what they already have.
      const others = new Map<string, { cursor: number; last: string }>();
      for (const id of othersOf(transcript)) others.set(id, { cursor: await latestSeq(url, id), last: "" });
      for (const [index, turn] of transcript.conversation.entries()) {
        const from = codeSource(turn);
        const code = from === undefined ? undefined : codeIn(others.get(from)?.last ?? "");
        await post(url, transcript, turn, `${transcript.contact.id}-${index}`, code);
        const replies = await fetchReplies(url, transcript.contact.id, cursor);
        cursor = replies.at(-1)?.seq ?? cursor;
        const said = typeof turn.user === "string" ? turn.user : "choice" in turn.user ? `[${turn.user.choice}]` : `[code from ${from}]`;
        expectReplies(replies, turn.bot, `turn ${index + 1} (user: ${said})`);
        for (const [id, seen] of others) {
          const got = await fetchReplies(url, id, seen.cursor);
          seen.cursor = got.at(-1)?.seq ?? seen.cursor;
          seen.last = got.at(-1)?.text ?? seen.last;
          expectReplies(got, turn.others?.[id] ?? [], `turn ${index + 1} (user: ${said}), to ${id}`);
        }
      }
      for (const [collection, docs] of Object.entries(transcript.records ?? {})) {
        for (const expected of docs) {
          if (collection === "members") {
            const member = await sampark.connection.collection("members").findOne({ number: String(expected["number"]) });
            expect(member, `members ${String(expected["number"])}`).toMatchObject(expected);
            continue;
          }
          const model = { contacts: sampark.models.contacts, sessions: sampark.models.sessions, outbox: sampark.models.outbox }[collection as "contacts"];
          const actual = await model.findById(String(expected["_id"])).lean();
          expect(actual, `${collection} ${String(expected["_id"])}`).toMatchObject(expected);
        }
      }
    });
  }
});

/** Contacts other than the transcript's own that it expects messages for or reads a code from. */
function othersOf(transcript: Transcript): string[] {
  return [...new Set(transcript.conversation.flatMap((t) => [...Object.keys(t.others ?? {}), ...[codeSource(t)].filter((id) => id !== undefined)]))];
}

function codeSource(turn: TranscriptTurn): string | undefined {
  return typeof turn.user === "object" && "code_from" in turn.user ? turn.user.code_from : undefined;
}

/** The six-digit code in a message (the runner types what the member would read out). */
function codeIn(text: string): string {
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error(`no six-digit code in the last message: ${JSON.stringify(text)}`);
  return code;
}

async function latestSeq(url: string, contactId: string): Promise<number> {
  let cursor = 0;
  for (let page = await fetchReplies(url, contactId, cursor); page.length > 0; page = await fetchReplies(url, contactId, cursor)) cursor = page.at(-1)?.seq ?? cursor;
  return cursor;
}

async function post(url: string, transcript: Transcript, turn: TranscriptTurn, messageId: string, code: string | undefined): Promise<void> {
  const body = typeof turn.user === "string" ? { text: turn.user } : "choice" in turn.user ? { choice: turn.user.choice } : { text: code };
  const res = await fetch(`${url}/api/chat/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ contact: transcript.contact, messageId, ...body }),
  });
  expect(res.status).toBe(200);
}

async function fetchReplies(url: string, contactId: string, after: number): Promise<Reply[]> {
  const res = await fetch(`${url}/api/chat/contacts/${contactId}/messages?after=${after}`);
  return ((await res.json()) as { messages: Reply[] }).messages;
}

function expectReplies(replies: Reply[], bot: TranscriptTurn["bot"], where: string): void {
  const shown = replies.map((r) => r.text);
  expect(replies.length, `${where}: number of replies; got ${JSON.stringify(shown)}`).toBe(bot.length);
  for (const [i, expected] of bot.entries()) {
    const actual = replies[i]!;
    if (expected.text !== undefined) expect(actual.text, `${where}, reply ${i + 1}`).toBe(expected.text);
    if (expected.contains !== undefined) expect(actual.text, `${where}, reply ${i + 1}`).toContain(expected.contains);
    if (expected.choices !== undefined) expect(actual.choices?.map((c) => c.label) ?? [], `${where}, reply ${i + 1} choices`).toEqual(expected.choices);
  }
}
