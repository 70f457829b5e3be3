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
      for (const [index, turn] of transcript.conversation.entries()) {
        await post(url, transcript, turn, `${transcript.contact.id}-${index}`);
        const replies = await fetchReplies(url, transcript.contact.id, cursor);
        cursor = replies.at(-1)?.seq ?? cursor;
        const said = typeof turn.user === "string" ? turn.user : `[${turn.user.choice}]`;
        expectReplies(replies, turn, `turn ${index + 1} (user: ${said})`);
      }
      for (const [collection, docs] of Object.entries(transcript.records ?? {})) {
        const model = { contacts: sampark.models.contacts, sessions: sampark.models.sessions, outbox: sampark.models.outbox }[collection as "contacts"];
        for (const expected of docs) {
          const actual = await model.findById(String(expected["_id"])).lean();
          expect(actual, `${collection} ${String(expected["_id"])}`).toMatchObject(expected);
        }
      }
    });
  }
});

async function post(url: string, transcript: Transcript, turn: TranscriptTurn, messageId: string): Promise<void> {
  const body = typeof turn.user === "string" ? { text: turn.user } : { choice: turn.user.choice };
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

function expectReplies(replies: Reply[], turn: TranscriptTurn, where: string): void {
  const shown = replies.map((r) => r.text);
  expect(replies.length, `${where}: number of replies; got ${JSON.stringify(shown)}`).toBe(turn.bot.length);
  for (const [i, expected] of turn.bot.entries()) {
    const actual = replies[i]!;
    if (expected.text !== undefined) expect(actual.text, `${where}, reply ${i + 1}`).toBe(expected.text);
    if (expected.contains !== undefined) expect(actual.text, `${where}, reply ${i + 1}`).toContain(expected.contains);
    if (expected.choices !== undefined) expect(actual.choices?.map((c) => c.label) ?? [], `${where}, reply ${i + 1} choices`).toEqual(expected.choices);
  }
}
