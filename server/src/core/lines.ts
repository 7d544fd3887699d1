/**
 * The lines of a page with the measurements the segmenter reasons about: the text without
 * extraction spacing, and the printed width of the line in em (a Han character is 1 em).
 */
import { LineIndex, collapseCjkSpaces } from './text';

export interface PageLine {
  /** 0-based line number. */
  readonly n: number;
  readonly raw: string;
  /** Trimmed, with justification spaces between CJK characters removed. */
  readonly flat: string;
  readonly blank: boolean;
  /** Printed width in em: CJK characters and full-width punctuation 1, ASCII 0.5, spaces 0. */
  readonly width: number;
  /** Column of the first non-space character. */
  readonly indent: number;
}

export function printedWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c === 32 || c === 9 || c === 0x3000 || c === 0xa0) continue;
    w += c < 0x2000 ? 0.5 : 1;
  }
  return w;
}

export function readLines(index: LineIndex): PageLine[] {
  const out: PageLine[] = [];
  for (let n = 0; n < index.lineCount; n++) {
    const raw = index.line(n);
    const trimmed = raw.trim();
    const flat = collapseCjkSpaces(trimmed);
    out.push({ n, raw, flat, blank: trimmed.length === 0, width: printedWidth(trimmed), indent: raw.length - raw.trimStart().length });
  }
  return out;
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = '”’」』）)》"\'';

/** The line's text without trailing closers, to look at its last real character. */
export function lastMeaningful(s: string): string {
  let i = s.length;
  while (i > 0 && CLOSERS.includes(s[i - 1])) i--;
  return s.slice(0, i);
}

/** True when the line ends a sentence: 。！？… possibly followed by closing quotes. */
export function endsSentence(s: string): boolean {
  const t = lastMeaningful(s.trimEnd());
  return /[。！？!?…；;.]$/.test(t) && !/\d\.$/.test(t);
}

/** True when the line visibly continues on the next one: it ends inside a clause. */
export function endsInsideClause(s: string): boolean {
  return /[，、：:；;,（(“《—\-‘「]$/.test(s.trimEnd());
}
