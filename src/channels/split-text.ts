/**
 * Splits a long text into pieces of at most `max` UTF-16 units (how Telegram counts), cutting at
 * the last paragraph break, else line break, else space that keeps a piece at least half full, so
 * a split message still reads naturally. Never cuts a surrogate pair.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const { end, skip } = cutPoint(rest, max);
    pieces.push(rest.slice(0, end).trimEnd());
    rest = rest.slice(end + skip);
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces.filter((p, i) => p.trim() !== "" || (i === 0 && pieces.length === 1));
}

/** Where to cut `text` (`end`) and how many separator characters to drop after it (`skip`). */
function cutPoint(text: string, max: number): { end: number; skip: number } {
  const window = text.slice(0, max + 1);
  const minimum = Math.floor(max / 2);
  for (const separator of ["\n\n", "\n", " "]) {
    const at = window.lastIndexOf(separator, max - separator.length + 1);
    if (at >= minimum) return { end: at, skip: separator.length };
  }
  // No natural boundary: cut hard, but not between the halves of a surrogate pair (emoji, rare scripts).
  const code = text.charCodeAt(max - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? max - 1 : max;
  return { end, skip: 0 };
}
