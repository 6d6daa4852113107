// An answer of the questions page as pieces: plain text, and links written `[words](/path/#anchor)`.
// Only the book's own addresses (starting with "/") become links; anything else stays text, so a
// catalogue entry can never put a foreign address on the page.

export type AnswerPart = { text: string } | { text: string; href: string };

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

export function answerParts(answer: string): AnswerPart[] {
  const parts: AnswerPart[] = [];
  let last = 0;
  for (const match of answer.matchAll(LINK)) {
    const [whole, words, href] = match;
    if (!href.startsWith('/') || href.startsWith('//')) continue;
    if (match.index > last) parts.push({ text: answer.slice(last, match.index) });
    parts.push({ text: words, href });
    last = match.index + whole.length;
  }
  if (last < answer.length) parts.push({ text: answer.slice(last) });
  return parts;
}

/** Every link address in an answer. */
export function answerLinks(answer: string): string[] {
  return answerParts(answer).flatMap((part) => ('href' in part ? [part.href] : []));
}
