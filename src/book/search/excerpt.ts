// A search excerpt as plain pieces of text, marked or not. The index gives an excerpt as HTML (text
// escaped, the matched words in <mark>); it is never put into the page as HTML: any other tag is
// dropped and the entities are decoded into text, which React then escapes again.

export interface ExcerptPart {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function excerptParts(html: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?[a-z][^>]*>)/i)) {
    const tag = /^<(\/?)([a-z]+)/i.exec(piece);
    if (tag) {
      if (tag[2].toLowerCase() === 'mark') marked = tag[1] === '';
      continue;
    }
    const text = decode(piece);
    if (!text) continue;
    const last = parts[parts.length - 1];
    if (last && last.marked === marked) last.text += text;
    else parts.push({ text, marked });
  }
  return parts;
}
