/**
 * Bracket and quote balance within one item: （）“”《》 and their half-width kin. A bracket
 * opened in a headline or body must close within the same item; one that does not points at
 * a lost character or a mis-segmented item.
 */
import { endsSentence } from './lines';
import type { Range } from './model';
import { isSpace, isWhitespace, type LineIndex } from './text';

const PAIRS: Record<string, string> = { '（': '）', '(': ')', '“': '”', '《': '》', '【': '】', '「': '」' };
const CLOSERS = new Map(Object.entries(PAIRS).map(([o, c]) => [c, o]));
/** Every bracket and quote of PAIRS: the scan jumps from one to the next. */
const BRACKET = /[（()“”《》【】「」）]/g;
/**
 * Quotes a quotation of several paragraphs opens again at the start of each and closes only at
 * the end of the last (GB/T 15834): the quote still open when the next paragraph opens one is
 * not lost, it goes on there.
 */
const REOPENED = new Set(['“', '「']);

export interface Unbalanced {
  readonly range: Range;
  readonly char: string;
  /** 'unclosed' for an opener with no closer, 'unopened' for a closer with no opener. */
  readonly problem: 'unclosed' | 'unopened';
}

/** Scans the given ranges (an item's headline and body) in order as one text. */
export function findUnbalanced(index: LineIndex, ranges: readonly Range[]): Unbalanced[] {
  const out: Unbalanced[] = [];
  // One stack per kind: a closer meets the nearest opener of its own kind, so `（“）` leaves
  // the quote open rather than hiding it.
  const open = new Map<string, number[]>(Object.keys(PAIRS).map((o) => [o, []]));
  for (const r of ranges) {
    const start = index.offsetAt(r.start);
    const end = index.offsetAt(r.end);
    // Scan the item's own text: a search through the rest of the page would cost it all again.
    const text = index.text.slice(start, end);
    BRACKET.lastIndex = 0;
    for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
      const o = start + m.index;
      const ch = m[0];
      if (PAIRS[ch]) {
        const pending = open.get(ch)!;
        if (REOPENED.has(ch) && pending.length > 0 && opensParagraph(text, m.index)) pending.pop();
        pending.push(o);
      } else if (CLOSERS.has(ch) && open.get(CLOSERS.get(ch)!)!.pop() === undefined) {
        out.push({ range: index.rangeOf(o, o + 1), char: ch, problem: 'unopened' });
      }
    }
  }
  for (const [char, offsets] of open) {
    for (const o of offsets) out.push({ range: index.rangeOf(o, o + 1), char, problem: 'unclosed' });
  }
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** True when text[at] starts its line and the line before it (blank lines aside) ends a sentence. */
function opensParagraph(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  if (i < 0 || (text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13)) return false;
  while (i >= 0 && isWhitespace(text.charCodeAt(i))) i--;
  // A sentence end and the closing quotes after it fit in a few characters.
  return i >= 0 && endsSentence(text.slice(Math.max(0, i - 7), i + 1));
}
