/**
 * Outbound payload → parts that fit a channel's capabilities. Written against the capabilities
 * only, so any adapter can use it: text split at paragraph or line breaks, media captions kept
 * within the caption limit (a longer text follows as text parts), and choices as buttons on the
 * last part — or, when a choice id cannot be button data, as a numbered list the engine accepts.
 */
import type { ChannelCapabilities, OutboundPart, OutboundPayload } from "./channel.js";
import { splitText } from "./split-text.js";

type Choice = { id: string; label: string };

export function renderPayload(payload: OutboundPayload, caps: ChannelCapabilities): OutboundPart[] {
  const choices = payload.choices ?? [];
  const asButtons = choices.length > 0 && fitsButtons(choices, caps);
  const text = choices.length > 0 && !asButtons ? withNumberedList(payload.text, choices) : payload.text;
  const media: Extract<OutboundPart, { type: "photo" | "document" }>[] = [];
  if (payload.image) media.push({ type: "photo", media: payload.image });
  if (payload.document) media.push({ type: "document", media: payload.document });

  let parts: OutboundPart[];
  const first = media[0];
  if (first && text.length <= caps.maxCaptionLength) {
    parts = [text === "" ? first : { ...first, caption: text }, ...media.slice(1)];
  } else {
    const texts = text === "" && media.length > 0 ? [] : splitText(text, caps.maxTextLength);
    parts = [...media, ...texts.map((t): OutboundPart => ({ type: "text", text: t }))];
  }
  if (!asButtons) return parts;
  const last = parts[parts.length - 1];
  return last ? [...parts.slice(0, -1), { ...last, choices }] : parts;
}

function fitsButtons(choices: Choice[], caps: ChannelCapabilities): boolean {
  const rendering = caps.choices;
  if (rendering.type === "numbered") return false;
  return choices.every((c) => c.id !== "" && Buffer.byteLength(c.id, "utf8") <= rendering.maxDataBytes);
}

/** "1. label" lines after the text; the engine maps a typed number to the option on the shown page. */
export function withNumberedList(text: string, choices: Choice[]): string {
  const list = choices.map((c, i) => `${i + 1}. ${c.label}`).join("\n");
  return text === "" ? list : `${text}\n\n${list}`;
}
