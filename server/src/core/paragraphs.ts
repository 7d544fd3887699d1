/**
 * Body text repaired for reading: hard-wrapped lines joined into paragraphs and justification
 * spaces between Han characters removed. Each paragraph keeps its exact source range; the
 * document itself is never altered.
 */
import type { Paragraph } from './model';
import type { PageLine } from './lines';
import { lineEndsSentence } from './classify';
import { columnWidth } from './columns';
import { hasCode, range } from './text';

/** Joins wrapped lines: no space between CJK text, one space between Latin words. */
export function joinWrapped(parts: readonly string[]): string {
  let out = '';
  let last = -1;
  for (const p of parts) {
    if (last >= 0 && (isAlnum(last) || hasCode(',.;:!?', last)) && p.length > 0 && (isAlnum(p.charCodeAt(0)) || p[0] === '(')) out += ' ';
    out += p;
    if (p.length > 0) last = p.charCodeAt(p.length - 1);
  }
  return out;
}

const isAlnum = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * Cuts body lines into paragraphs: a paragraph ends at a line that ends its sentence short of
 * the column's edge, or before a section head.
 */
export function buildParagraphs(body: readonly PageLine[], heads: readonly { first: number; last: number }[]): Paragraph[] {
  // A head is a paragraph of its own: text breaks before its first line and after its last.
  const breakAfter = new Set(heads.flatMap((h) => [h.first - 1, h.last]));
  const out: Paragraph[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end < start) return;
    const lines = body.slice(start, end + 1);
    const last = lines[lines.length - 1];
    out.push({ range: range(lines[0].n, lines[0].indent, last.n, last.raw.trimEnd().length), text: joinWrapped(lines.map((l) => l.flat)) });
    start = end + 1;
  };
  for (let i = 0; i < body.length; i++) {
    if (breakAfter.has(i)) {
      flush(i);
      continue;
    }
    const full = body[i].width >= columnWidth(body, i) - 1;
    if (lineEndsSentence(body[i]) && !full) flush(i);
  }
  flush(body.length - 1);
  return out;
}
