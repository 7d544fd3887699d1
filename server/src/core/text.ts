/**
 * Text utilities shared by the parsers: offsets to LSP positions, line splitting, and the
 * character classes newspaper text is made of.
 */
import type { Position, Range } from './model';

/** Maps UTF-16 offsets of a document to LSP positions. Lines end at \n, \r\n or a lone \r. */
export class LineIndex {
  readonly #starts: number[];
  readonly text: string;

  constructor(text: string) {
    this.text = text;
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.#starts = starts;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  /** The text of a line without its line ending. */
  line(n: number): string {
    const start = this.#starts[n];
    return start === undefined ? '' : this.text.slice(start, this.#contentEnd(n));
  }

  /** Offset of the end of line n's content, before its line ending. */
  #contentEnd(n: number): number {
    const start = this.#starts[n];
    let end = n + 1 < this.#starts.length ? this.#starts[n + 1] : this.text.length;
    while (end > start && (this.text.charCodeAt(end - 1) === 10 || this.text.charCodeAt(end - 1) === 13)) end--;
    return end;
  }

  lineStart(n: number): number {
    return this.#starts[Math.max(0, Math.min(n, this.#starts.length - 1))];
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.#starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.#starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    // An offset inside a \r\n pair belongs to the end of the line.
    return { line: lo, character: Math.min(o, this.#contentEnd(lo)) - this.#starts[lo] };
  }

  offsetAt(position: Position): number {
    return Math.min(this.lineStart(position.line) + position.character, this.text.length);
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

export function range(startLine: number, startChar: number, endLine: number, endChar: number): Range {
  return { start: { line: startLine, character: startChar }, end: { line: endLine, character: endChar } };
}

/** Han ideographs (CJK unified, extension A, compatibility). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

/**
 * True when `chars` holds the character with this code. Asked by code: indexing a string with
 * a Han character makes a new one-character string each time, and this is asked of every line.
 */
export function hasCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/**
 * A table of every UTF-16 code: for each, the bits of the character sets that hold it. A line
 * asked whether it starts or ends with one of a set's characters costs one lookup.
 */
export function codeTable(sets: readonly (readonly [chars: string, bit: number])[]): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [chars, bit] of sets) for (let k = 0; k < chars.length; k++) table[chars.charCodeAt(k)] |= bit;
  return table;
}

/** What String.prototype.trim removes, and what `\s` matches. */
export function isWhitespace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A mark that sets a list's entries apart, with the space after it: `●我市召开…`. */
export const LIST_MARK = /^[●○◆◇■□◎▲△★☆·•▪▶►][ \t\u3000]*/;

/** A Latin capital, A to Z: how English datelines and decks begin. */
export const isLatinCapital = (c: number): boolean => c >= 65 && c <= 90;

/** The spaces justification and extraction put into a line (the ones collapseCjkSpaces looks at). */
export const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isSpace(s.charCodeAt(i))) return true;
  return false;
}

/** Removes whitespace that justification or extraction put between CJK characters. */
export function collapseCjkSpaces(s: string): string {
  if (!hasSpace(s)) return s;
  // Each run of spaces is looked at once: it goes when a CJK character stands on either side.
  let out = '';
  let kept = 0;
  for (let i = 0; i < s.length; i++) {
    if (!isSpace(s.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < s.length && isSpace(s.charCodeAt(end))) end++;
    if (s.charCodeAt(i - 1) > 0x7f || s.charCodeAt(end) > 0x7f) {
      out += s.slice(kept, i);
      kept = end;
    }
    i = end - 1;
  }
  return kept === 0 ? s : out + s.slice(kept);
}

/** Justified letter by letter: most tokens are a single character. */
export function isSpaced(s: string): boolean {
  const tokens = s.trim().split(/\s+/).filter(Boolean);
  return tokens.length >= 3 && tokens.filter((t) => [...t].length === 1).length / tokens.length >= 0.6;
}
