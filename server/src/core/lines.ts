/**
 * The lines of a page with the measurements the segmenter reasons about: the text without
 * extraction spacing, and the printed width of the line in em (a Han character is 1 em).
 */
import { LineIndex, codeTable, collapseCjkSpaces, isSpace, isWhitespace } from './text';
import type { CaptionCredit } from './photos';

export interface PageLine {
  /** 0-based line number. */
  readonly n: number;
  readonly raw: string;
  /** Trimmed, with justification spaces between CJK characters removed. */
  readonly flat: string;
  readonly blank: boolean;
  /** Printed width in em: CJK characters and full-width punctuation 1, the rest below U+2000 0.5, spaces 0. */
  readonly width: number;
  /** Column of the first non-space character. */
  readonly indent: number;
  /**
   * What was found of the line alone, kept once asked: a line is asked again by several passes,
   * and a line an edit left unchanged keeps its answers into the next version's parse.
   */
  headingLike?: boolean;
  endsSentence?: boolean;
  kind?: LineKind;
  endsParagraph?: boolean;
  credit?: CaptionCredit | null;
  captionMarker?: string | null;
}

/** What a line is on its own (see classify.ts lineKind). */
export type LineKind = 'editor' | 'furniture' | 'signing-date' | 'dateline' | 'byline' | 'source' | 'text';

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * The lines of a page. A line of `previous` with the same number and text is reused; below the
 * last change, where a line break typed or deleted moved the lines, a line with the text of the
 * one as many lines up or down in `previous` keeps what was found of it, at its new number.
 */
export function readLines(index: LineIndex, previous?: readonly PageLine[]): PageLine[] {
  const out: PageLine[] = [];
  const moved = previous ? index.lineCount - previous.length : 0;
  const tail = previous && moved !== 0 ? movedTail(index, previous, moved) : index.lineCount;
  for (let n = 0; n < index.lineCount; n++) {
    let raw = index.line(n);
    const before = n >= tail ? previous![n - moved] : previous?.[n];
    if (before !== undefined && before.raw === raw) {
      out.push(n === before.n ? before : pageLine(n, before.raw, before.flat, before.blank, before.width, before.indent, before));
      continue;
    }
    // A line's text is a slice of the page's and keeps all of that text alive. A line read
    // again after an edit outlives its version's text (the next versions take it over): it
    // gets a copy of its own, or each keystroke would keep one more copy of the page.
    if (previous !== undefined) raw = ownCopy(raw);
    let start = 0;
    let end = raw.length;
    while (start < end && isWhitespace(raw.charCodeAt(start))) start++;
    while (end > start && isWhitespace(raw.charCodeAt(end - 1))) end--;
    const trimmed = start === 0 && end === raw.length ? raw : raw.slice(start, end);
    // The printed width, in the same pass that looks for spaces to collapse.
    let width = 0;
    let spaced = false;
    for (let i = start; i < end; i++) {
      const c = raw.charCodeAt(i);
      if (isSpace(c)) {
        spaced = true;
        continue;
      }
      // The low half of a surrogate pair belongs to the character its high half counted.
      if (c >= 0xdc00 && c <= 0xdfff && i > start && isHighSurrogate(raw.charCodeAt(i - 1))) continue;
      width += c < 0x2000 ? 0.5 : 1;
    }
    out.push(pageLine(n, raw, spaced ? collapseCjkSpaces(trimmed) : trimmed, end === start, width, start));
  }
  return out;
}

/**
 * A line, with what was found of it when it is `found` at another number. One literal for all
 * lines, so that every line has the same shape (a spread builds objects slowly, and of another
 * shape, and the checks asked of every line would turn polymorphic).
 */
export function pageLine(n: number, raw: string, flat: string, blank: boolean, width: number, indent: number, found?: PageLine): PageLine {
  return {
    n,
    raw,
    flat,
    blank,
    width,
    indent,
    headingLike: found?.headingLike,
    endsSentence: found?.endsSentence,
    kind: found?.kind,
    endsParagraph: found?.endsParagraph,
    credit: found?.credit,
    captionMarker: found?.captionMarker,
  };
}

/** The first line of the unchanged end of the page, which stands `moved` lines from where it stood in `previous`. */
function movedTail(index: LineIndex, previous: readonly PageLine[], moved: number): number {
  let n = index.lineCount;
  while (n > 0 && n - 1 - moved >= 0 && previous[n - 1 - moved].raw === index.line(n - 1)) n--;
  return n;
}

/** A string that keeps no longer string alive (V8 flattens the joined string into a new one). */
function ownCopy(s: string): string {
  return (' ' + s).slice(1);
}

/** Closing quotes and brackets that may follow a sentence's final punctuation. */
const CLOSERS = '”’」』）)》"\'';

/** Characters that end a sentence. */
const SENTENCE_ENDS = '。！？!?…；;.';

/** CLOSERS and SENTENCE_ENDS by code: every line's end is looked up. */
const CLOSER = 1;
const SENTENCE_END = 2;
const LINE_ENDS = codeTable([
  [CLOSERS, CLOSER],
  [SENTENCE_ENDS, SENTENCE_END],
]);

/** True when the line ends a sentence: 。！？… possibly followed by closing quotes. */
export function endsSentence(s: string): boolean {
  let i = s.length;
  while (i > 0 && isWhitespace(s.charCodeAt(i - 1))) i--;
  while (i > 0 && (LINE_ENDS[s.charCodeAt(i - 1)] & CLOSER) !== 0) i--;
  if (i === 0 || (LINE_ENDS[s.charCodeAt(i - 1)] & SENTENCE_END) === 0) return false;
  // `3.` numbers a list entry; it ends nothing.
  return !(s.charCodeAt(i - 1) === 46 && i > 1 && isDigit(s.charCodeAt(i - 2)));
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Marks a clause goes on after: a comma, an opening bracket or quote, a dash. */
const CLAUSE_OPEN = /[，、：:；;,（(“《—\-‘「]$/;

/** True when the line visibly continues on the next one: it ends inside a clause. */
export function endsInsideClause(s: string): boolean {
  return CLAUSE_OPEN.test(s.trimEnd());
}
