/**
 * The figure scanner: one pass over a page's text, each step looking at a bounded window
 * around the current number (see figures.ts for what it finds and why).
 */
import type { DateMention, Figure, FigureKind } from './model';
import { isSpaced, type LineIndex } from './text';
import { isLetterSpaced } from './damage';
import { endsSentence } from './lines';
import {
  BAD_FOLLOWERS,
  LATIN_UNITS,
  LATIN_MAGNITUDES,
  LATIN_NOT_COUNTED,
  HAN_MAGNITUDES,
  APPROX_INFIXES,
  APPROX_PREFIXES,
  ID_KEYWORDS,
  CURRENCIES,
  CN_DIGITS,
  CN_NUMERAL_CHARS,
  RANGE_SEPARATORS,
  DATE_WORDS,
  START_DIGIT,
  START_CHINESE,
  START_CLASS,
  SEPARATOR_FIRSTS,
  KEYWORD_LASTS,
  MAX_INT_DIGITS,
  MAX_FRACTION_DIGITS,
  ID_DIGITS,
  MAX_CN_RUN,
  TITLE_MAX_CHARS,
  TITLE_MAX_BREAKS,
  isSpace,
  isBreak,
  isDigit,
  digitChar,
  isLatin,
  isAlnum,
  isHan,
  isPercent,
  PERMILLE,
  TrieNode,
  UNIT_TRIE,
  PER_TRIE,
} from './figureVocabulary';
import { Decimal, valueOf, parseChineseNumeral, parseDigitString } from './numerals';

/** A position after optional whitespace, and whether the one allowed line break is used. */
interface Cursor {
  readonly p: number;
  readonly nl: boolean;
}

/** A number written in digits: `37.84`, `1,234`, `４０００`. */
interface NumberToken {
  readonly start: number;
  readonly end: number;
  readonly int: string;
  readonly frac: string;
  /** More digits than a figure can have: skip the whole run. */
  readonly tooLong: boolean;
  readonly comma: boolean;
}

/** Reads a month or day after a date part: gap, numeral, gap, one of `words`; digits or Chinese numerals. */
type DatePart = (p: number, nl: boolean, max: number, words: string) => { value: number; end: number; nl: boolean } | null;

/** What follows a number: magnitudes, approximation markers, the unit. */
interface Tail {
  /** End of the last consumed part. */
  readonly end: number;
  readonly nl: boolean;
  readonly unit: string | null;
  /** Power of ten from magnitudes and percent signs. */
  readonly exp: number;
  readonly percent: boolean;
  readonly approx: boolean;
}

/**
 * Whether an English word after a magnitude names what is counted: a plural (`1.2 million
 * visitors`, `3 billion trips`). Only after a magnitude: after a bare number a word in -s is as
 * often a verb (`2024 marks`), but `million` asks for the noun it counts.
 */
function namesCounted(lower: string): boolean {
  return lower.length >= 3 && lower.endsWith('s') && !lower.endsWith('ss') && !LATIN_NOT_COUNTED.has(lower);
}

/** How many lines above a list entry the entry before it is looked for. */
const LIST_LOOKBACK_LINES = 40;

export class Scanner {
  readonly figures: Figure[] = [];
  readonly dates: DateMention[] = [];
  readonly #index: LineIndex;
  readonly #text: string;
  readonly #n: number;
  readonly #titles: number[] = [];
  #titleCursor = 0;
  /** End of the last emitted mention: prefixes never reach behind it. */
  #lastEnd = 0;
  /** Where the number after a line's list mark (`2.` of `2.60岁`) starts: it is glued to nothing. */
  #afterListMark = -1;
  /** Whether each line asked about is letter-spaced, computed once per line. */
  readonly #letterSpaced = new Map<number, boolean>();

  constructor(index: LineIndex) {
    this.#index = index;
    this.#text = index.text;
    this.#n = index.text.length;
    this.#findTitles();
  }

  run(): void {
    const t = this.#text;
    for (let i = 0; i < this.#n; ) {
      const kind = START_CLASS[t.charCodeAt(i)];
      if (kind === 0) {
        i++;
        continue;
      }
      let next = i + 1;
      if (kind === START_DIGIT) next = this.#atDigits(i, null);
      else if (kind === START_CHINESE) next = this.#atChinese(i);
      else next = this.#atCurrency(i);
      i = Math.max(next, i + 1);
    }
  }

  // -- context --------------------------------------------------------------------------------

  /** Spans of `《…》` titles, closed within a bounded distance. Numbers inside are names. */
  #findTitles(): void {
    const t = this.#text;
    let open = -1;
    let breaks = 0;
    for (let i = 0; i < this.#n; i++) {
      const c = t.charCodeAt(i);
      if (c === 0x300a) {
        open = i;
        breaks = 0;
      } else if (open >= 0) {
        if (c === 0x300b) {
          this.#titles.push(open, i + 1);
          open = -1;
        } else if (i - open > TITLE_MAX_CHARS) open = -1;
        else if (c === 10 || (c === 13 && t.charCodeAt(i + 1) !== 10)) {
          if (++breaks > TITLE_MAX_BREAKS) open = -1;
        }
      }
    }
  }

  /** Whether `pos` is inside a title. Called with non-decreasing positions. */
  #inTitle(pos: number): boolean {
    const titles = this.#titles;
    while (this.#titleCursor < titles.length && titles[this.#titleCursor + 1] <= pos) this.#titleCursor += 2;
    return this.#titleCursor < titles.length && titles[this.#titleCursor] <= pos;
  }

  /** Skips up to three spaces, at most one line break (if not yet used), and three more spaces. */
  #gap(p: number, nl: boolean): Cursor {
    const t = this.#text;
    const n = this.#n;
    let q = p;
    let k = 0;
    while (k < 3 && q < n && isSpace(t.charCodeAt(q))) q++, k++;
    if (!nl && q < n && isBreak(t.charCodeAt(q))) {
      q = this.#skipBreak(q);
      nl = true;
      k = 0;
      while (k < 3 && q < n && isSpace(t.charCodeAt(q))) q++, k++;
      // Extraction that sets a blank line between every printed line splits a figure from its
      // unit across that blank line (`1303` + blank line + `个`): it is still one break.
      if (q < n && isBreak(t.charCodeAt(q))) {
        q = this.#skipBreak(q);
        k = 0;
        while (k < 3 && q < n && isSpace(t.charCodeAt(q))) q++, k++;
      }
    }
    return { p: q, nl };
  }

  #skipBreak(q: number): number {
    return q + (this.#text.charCodeAt(q) === 13 && this.#text.charCodeAt(q + 1) === 10 ? 2 : 1);
  }

  /** Same-line spaces only (for suffixes such as 左右). */
  #spaces(p: number): number {
    let q = p;
    let k = 0;
    while (k < 3 && q < this.#n && isSpace(this.#text.charCodeAt(q))) q++, k++;
    return q;
  }

  /** The character just before `start`, skipping up to three spaces on the same line. */
  #charBefore(start: number): string {
    let q = start;
    let k = 0;
    while (k < 3 && q > 0 && isSpace(this.#text.charCodeAt(q - 1))) q--, k++;
    return q > 0 ? this.#text[q - 1] : '';
  }

  /** Glued to something that makes it an identifier: `N4`, `@163`, `v1.2`, `0358-8227820`, `10:30`. */
  #gluedBefore(start: number): boolean {
    if (start === 0) return false;
    const t = this.#text;
    const c = t.charCodeAt(start - 1);
    if (isLatin(c) || '@_#/\\&='.includes(t[start - 1])) return true;
    if (start === this.#afterListMark) return false;
    if (c === 46 || c === 0xff0e || c === 58 || c === 0xff1a || c === 45 || c === 0xff0d) {
      return start >= 2 && isAlnum(t.charCodeAt(start - 2));
    }
    // (0358)8227820: a number right after a bracketed area code.
    if (c === 41 || c === 0xff09) return start >= 2 && isDigit(t.charCodeAt(start - 2));
    return false;
  }

  #gluedAfter(end: number): boolean {
    const t = this.#text;
    if (end >= this.#n) return false;
    const c = t.charCodeAt(end);
    if (isLatin(c) || c === 64 /* @ */ || c === 95 /* _ */) return true;
    const c2 = t.charCodeAt(end + 1);
    if ((c === 46 || c === 0xff0e) && isAlnum(c2)) return true; // 163.com, 192.168.1.1
    if ((c === 58 || c === 0xff1a) && isDigit(c2)) return true; // 10:30, 3:1
    return false;
  }

  /** `第七届`, `第 3 期`: ordinals are not quantities. */
  #ordinal(start: number): boolean {
    return this.#charBefore(start) === '第';
  }

  /** `电话：0358…`, `邮 编：033000`, `QQ 12345`: the number is an identifier. */
  #afterIdKeyword(start: number): boolean {
    const t = this.#text;
    let collected = '';
    let q = start;
    let leading = true;
    for (let raw = 0; raw < 16 && q > 0 && collected.length < 6; raw++) {
      const ch = t[q - 1];
      const c = t.charCodeAt(q - 1);
      if (isBreak(c)) break;
      q--;
      if (isSpace(c)) continue;
      if (leading && '：:（(【[#＃.'.includes(ch)) continue;
      if (leading && !KEYWORD_LASTS.has(ch)) return false;
      leading = false;
      collected = ch + collected;
    }
    const lower = collected.toLowerCase();
    return ID_KEYWORDS.some((k) => lower.endsWith(k));
  }

  /** The start of an approximation prefix (`近 18 万人`, `约3000元`) before `start`, if any. */
  #prefixStart(start: number): { start: number; approx: boolean } {
    const t = this.#text;
    let q = start;
    let k = 0;
    while (k < 3 && q > this.#lastEnd && isSpace(t.charCodeAt(q - 1))) q--, k++;
    for (const [marker, wordChars] of APPROX_PREFIXES) {
      const s = q - marker.length;
      if (s < this.#lastEnd || !t.startsWith(marker, s)) continue;
      if (s > 0 && wordChars.includes(t[s - 1])) continue;
      return { start: s, approx: true };
    }
    return { start, approx: false };
  }

  // -- numbers --------------------------------------------------------------------------------

  /** Reads digits, `,ddd` groups and a decimal part. Stops counting after `limit` digits. */
  #readNumber(p: number, limit = Infinity): NumberToken {
    const spaced = this.#readSpacedNumber(p, limit);
    if (spaced !== null) return spaced;
    const t = this.#text;
    const n = this.#n;
    let q = p;
    let int = '';
    let count = 0;
    while (q < n && isDigit(t.charCodeAt(q))) {
      if (count < MAX_INT_DIGITS + 1) int += digitChar(t.charCodeAt(q));
      count++;
      q++;
      if (count > limit) return { start: p, end: q, int, frac: '', tooLong: true, comma: false };
    }
    let tooLong = count > MAX_INT_DIGITS;
    let comma = false;
    // Thousands separators: 1,234,567 (ASCII comma, groups of exactly three).
    if (!tooLong && count <= 3) {
      while (
        t.charCodeAt(q) === 44 &&
        isDigit(t.charCodeAt(q + 1)) && isDigit(t.charCodeAt(q + 2)) && isDigit(t.charCodeAt(q + 3)) &&
        !isDigit(t.charCodeAt(q + 4)) && int.length + 3 <= MAX_INT_DIGITS
      ) {
        int += digitChar(t.charCodeAt(q + 1)) + digitChar(t.charCodeAt(q + 2)) + digitChar(t.charCodeAt(q + 3));
        comma = true;
        q += 4;
      }
    }
    let frac = '';
    const c = t.charCodeAt(q);
    if ((c === 46 || c === 0xff0e) && isDigit(t.charCodeAt(q + 1))) {
      q++;
      let fcount = 0;
      while (q < n && isDigit(t.charCodeAt(q))) {
        if (fcount < MAX_FRACTION_DIGITS + 1) frac += digitChar(t.charCodeAt(q));
        fcount++;
        q++;
        if (fcount > limit) break;
      }
      if (fcount > MAX_FRACTION_DIGITS) tooLong = true;
    }
    return { start: p, end: q, int, frac, tooLong, comma };
  }

  /**
   * A number a justified line set letter by letter (`1 2 0 . 6`): single digits and at most one
   * point, one space after each, on a line letter-spaced as a whole. Null when `p` starts no such
   * run, so two numbers on an ordinary line (`12 15`) and a number spaced from its unit
   * (`2024 年`) stay as they are. A token of several digits ends the run before it: it was not
   * set letter by letter. The run is read once, whatever its length: the scan goes on after it.
   */
  #readSpacedNumber(p: number, limit: number): NumberToken | null {
    if (!this.#singleDigitAt(p) || this.#nextSpacedToken(p) === 0 || !this.#onLetterSpacedLine(p)) return null;
    const t = this.#text;
    let int = digitChar(t.charCodeAt(p));
    let frac = '';
    let inFrac = false;
    let q = p;
    for (let step = this.#nextSpacedToken(q); step !== 0; step = this.#nextSpacedToken(q)) {
      // A point token stands two characters before its digit: `0 . 6`.
      if (step === 4) {
        if (inFrac) break;
        inFrac = true;
      }
      q += step;
      // Digits past what a figure can have are only counted, as in an unspaced number.
      if (inFrac) {
        if (frac.length <= MAX_FRACTION_DIGITS) frac += digitChar(t.charCodeAt(q));
      } else if (int.length <= MAX_INT_DIGITS) int += digitChar(t.charCodeAt(q));
    }
    const tooLong = int.length > Math.min(limit, MAX_INT_DIGITS) || frac.length > MAX_FRACTION_DIGITS;
    return { start: p, end: q + 1, int, frac, tooLong, comma: false };
  }

  /**
   * How far the next letter-spaced token of a number lies from the single digit at `q`: 2 for a
   * digit after one space (`1 2`), 4 for a point and its digit (`0 . 6`), 0 when the run ends.
   */
  #nextSpacedToken(q: number): number {
    const t = this.#text;
    if (!this.#singleSpaceAt(q + 1)) return 0;
    if (this.#singleDigitAt(q + 2)) return 2;
    const c = t.charCodeAt(q + 2);
    if ((c === 46 || c === 0xff0e) && this.#singleSpaceAt(q + 3) && this.#singleDigitAt(q + 4)) return 4;
    return 0;
  }

  /** A digit that is a token of its own: no digit or decimal point with a digit glued after it. */
  #singleDigitAt(q: number): boolean {
    const t = this.#text;
    if (!isDigit(t.charCodeAt(q))) return false;
    const c = t.charCodeAt(q + 1);
    return !isDigit(c) && !((c === 46 || c === 0xff0e) && isDigit(t.charCodeAt(q + 2)));
  }

  /** Exactly one space at `q`: letter-spacing puts one between characters, layout puts more. */
  #singleSpaceAt(q: number): boolean {
    return isSpace(this.#text.charCodeAt(q)) && !isSpace(this.#text.charCodeAt(q + 1));
  }

  /** Whether the line holding `p` was set letter by letter, as the rest of the parser tells it. */
  #onLetterSpacedLine(p: number): boolean {
    const n = this.#index.positionAt(p).line;
    let spaced = this.#letterSpaced.get(n);
    if (spaced === undefined) {
      const raw = this.#index.line(n);
      spaced = isSpaced(raw) || isLetterSpaced(raw);
      this.#letterSpaced.set(n, spaced);
    }
    return spaced;
  }

  #decimal(tok: NumberToken): Decimal {
    return { digits: tok.int + tok.frac, exp: -tok.frac.length };
  }

  /** Matches a unit from `trie` at `p`, allowing spaces (and the one break) between Han characters. */
  #matchTrie(trie: TrieNode, p: number, nl: boolean): { end: number; unit: string; nl: boolean } | null {
    const t = this.#text;
    let node = trie;
    let q = p;
    let curNl = nl;
    let best: { end: number; unit: string; nl: boolean } | null = null;
    while (q < this.#n) {
      let child = node.next.get(t.charCodeAt(q));
      if (!child && node !== trie && isHan(t.charCodeAt(q - 1))) {
        const g = this.#gap(q, curNl);
        if (g.p > q && isHan(t.charCodeAt(g.p))) {
          child = node.next.get(t.charCodeAt(g.p));
          if (child) {
            q = g.p;
            curNl = g.nl;
          }
        }
      }
      if (!child) break;
      node = child;
      q++;
      if (node.unit !== null) best = { end: q, unit: node.unit, nl: curNl };
    }
    return best;
  }

  /** A latin word at `p` (letters only, bounded), or null. */
  #latinWord(p: number): string | null {
    const t = this.#text;
    let q = p;
    while (q < this.#n && q - p <= 12 && isLatin(t.charCodeAt(q))) q++;
    if (q === p || q - p > 12) return null;
    return t.slice(p, q);
  }

  /** Reads magnitudes, approximation markers and the unit after a number ending at `p`. */
  #readTail(p: number, nl: boolean): Tail {
    const t = this.#text;
    let q = p;
    let curNl = nl;
    let exp = 0;
    let approx = false;
    let latinMagnitude = false;
    for (let step = 0; step < 6; step++) {
      const g = this.#gap(q, curNl);
      const c = t.charCodeAt(g.p);
      if (isPercent(c) || c === PERMILLE) {
        return { end: g.p + 1, nl: g.nl, unit: c === PERMILLE ? '‰' : '%', exp: exp + (c === PERMILLE ? -3 : -2), percent: true, approx };
      }
      const unit = this.#matchTrie(UNIT_TRIE, g.p, g.nl);
      if (unit && !this.#badFollower(unit.unit, unit.end)) return this.#finishUnit(unit.end, unit.nl, unit.unit, exp, approx);
      const mag = HAN_MAGNITUDES[t[g.p]];
      if (mag !== undefined) {
        exp += mag;
        q = g.p + 1;
        curNl = g.nl;
        continue;
      }
      if (!approx && g.p < this.#n && APPROX_INFIXES.includes(t[g.p])) {
        approx = true;
        q = g.p + 1;
        curNl = g.nl;
        continue;
      }
      if (g.p > q && isLatin(c)) {
        const word = this.#latinWord(g.p);
        if (word !== null) {
          const lower = word.toLowerCase();
          const end = g.p + word.length;
          const m = LATIN_MAGNITUDES.get(lower);
          if (m !== undefined) {
            exp += m;
            latinMagnitude = true;
            q = end;
            curNl = g.nl;
            continue;
          }
          if (lower === 'percent') return { end, nl: g.nl, unit: '%', exp: exp - 2, percent: true, approx };
          if (lower === 'per' && t.startsWith(' cent', end) && !isLatin(t.charCodeAt(end + 5))) {
            return { end: end + 5, nl: g.nl, unit: '%', exp: exp - 2, percent: true, approx };
          }
          if (LATIN_UNITS.has(lower) || (latinMagnitude && namesCounted(lower))) return this.#finishUnit(end, g.nl, word, exp, approx);
        }
      }
      break;
    }
    return { end: q, nl: curNl, unit: null, exp, percent: false, approx };
  }

  #badFollower(unit: string, end: number): boolean {
    const bad = BAD_FOLLOWERS[unit];
    return bad !== undefined && end < this.#n && bad.includes(this.#text[end]);
  }

  /** After a unit: a rate (`元/月`) and the suffix 左右. */
  #finishUnit(end: number, nl: boolean, unit: string, exp: number, approx: boolean): Tail {
    const t = this.#text;
    let e = end;
    let u = unit;
    const c = t.charCodeAt(e);
    if (c === 47 || c === 0xff0f) {
      const per = this.#matchTrie(PER_TRIE, e + 1, true);
      if (per && !isLatin(t.charCodeAt(per.end))) {
        u = `${unit}/${per.unit}`;
        e = per.end;
      }
    }
    const s = this.#spaces(e);
    if (t.startsWith('左右', s)) {
      approx = true;
      e = s + 2;
    }
    return { end: e, nl, unit: u, exp, percent: false, approx };
  }

  // -- emitters -------------------------------------------------------------------------------

  #emitFigure(start: number, end: number, value: number, unit: string, kind: FigureKind, approx: boolean, upper?: number): void {
    const prefix = this.#prefixStart(start);
    const s = prefix.start;
    const figure: Figure = {
      range: this.#index.rangeOf(s, end),
      text: this.#text.slice(s, end),
      value,
      unit,
      kind,
      ...(upper !== undefined ? { upper } : {}),
      ...(approx || prefix.approx ? { approximate: true } : {}),
    };
    this.figures.push(figure);
    this.#lastEnd = end;
  }

  #emitDate(start: number, end: number, year?: number, month?: number, day?: number): void {
    const date: DateMention = {
      range: this.#index.rangeOf(start, end),
      text: this.#text.slice(start, end),
      ...(year !== undefined ? { year } : {}),
      ...(month !== undefined ? { month } : {}),
      ...(day !== undefined ? { day } : {}),
    };
    this.dates.push(date);
    this.#lastEnd = end;
  }

  // -- digits ---------------------------------------------------------------------------------

  /** Handles a number written in digits at `start`; returns where scanning continues. */
  #atDigits(start: number, currency: { start: number; unit: string } | null): number {
    const t = this.#text;
    const tok = this.#readNumber(start);
    if (tok.tooLong) {
      let q = tok.end;
      while (q < this.#n && (isDigit(t.charCodeAt(q)) || t.charCodeAt(q) === 46)) q++;
      return q;
    }
    if (this.#gluedAfter(tok.end)) {
      // Skip the whole identifier (`163.com`, `192.168.1.1`, `5G`).
      let q = tok.end;
      while (q < this.#n && q - tok.end < 64 && (isAlnum(t.charCodeAt(q)) || '.@_:：'.includes(t[q]))) q++;
      return q;
    }
    if (!currency && this.#isListMark(tok)) {
      // Scanning goes on at the number after the mark.
      this.#afterListMark = tok.start + tok.int.length + 1;
      return this.#afterListMark;
    }
    if ((!currency && this.#gluedBefore(start)) || this.#inTitle(start)) return tok.end;
    if (this.#ordinal(currency ? currency.start : start) || this.#afterIdKeyword(currency ? currency.start : start)) return tok.end;

    if (!currency) {
      const end = this.#tryDate(tok);
      if (end !== null) return end;
    }
    // Leading zeros: postal codes (033000), area codes (0358), ids. Integers this long: phones.
    if (!tok.comma && !tok.frac && tok.int.length >= 2 && tok.int[0] === '0') return tok.end;
    if (!tok.comma && tok.int.length >= ID_DIGITS) return tok.end;

    if (!currency) {
      const end = this.#tryRange(tok);
      if (end !== null) return end;
    }

    const tail = this.#readTail(tok.end, false);
    const dec = this.#decimal(tok);
    if (currency) {
      // A currency figure needs no unit word: `$4.5 million`, `￥100`, `￥100元`.
      const end = tail.percent ? tok.end : tail.end;
      const exp = tail.percent ? 0 : tail.exp;
      this.#emitFigure(currency.start, end, valueOf(dec, exp), currency.unit, 'quantity', !tail.percent && tail.approx);
      return end;
    }
    if (tail.unit === null) return tok.end;
    this.#emitFigure(start, tail.end, valueOf(dec, tail.exp), tail.unit, tail.percent ? 'percent' : 'quantity', tail.approx);
    return tail.end;
  }

  /**
   * Whether a decimal at a line's start is a list number run into the number after it: `2.` +
   * `60岁以上老年人`. A line may well start with a decimal wrapped from the line before, so
   * the list must show itself: the line before ends a sentence, and the last line that opened
   * with a list number before it (`1.流感疫苗…`, a mark no digit follows) opened with the one
   * before this one.
   */
  #isListMark(tok: NumberToken): boolean {
    if (!tok.frac || tok.comma || tok.int.length > 2) return false;
    const n = this.#index.positionAt(tok.start).line;
    if (this.#lineMarkStart(n) !== tok.start) return false;
    const previous = this.#previousTextLine(n);
    if (previous < 0 || !endsSentence(this.#index.line(previous))) return false;
    return this.#lastListNumberBefore(n) === Number(tok.int) - 1;
  }

  /** The nearest line above `n` that is not blank (within the one blank line a break may hold), or -1. */
  #previousTextLine(n: number): number {
    for (let m = n - 1; m >= 0 && m >= n - 2; m--) if (this.#lineMarkStart(m) < this.#lineContentEnd(m)) return m;
    return -1;
  }

  /**
   * The number of the nearest list mark opening a line above `n` (`1.` + a non-digit), looking
   * back a bounded number of lines, or -1.
   */
  #lastListNumberBefore(n: number): number {
    const t = this.#text;
    for (let m = n - 1; m >= 0 && m >= n - LIST_LOOKBACK_LINES; m--) {
      const p = this.#lineMarkStart(m);
      let q = p;
      while (q < this.#n && q - p < 3 && isDigit(t.charCodeAt(q))) q++;
      if (q === p || q - p > 2) continue;
      const c = t.charCodeAt(q);
      if ((c === 46 || c === 0xff0e) && q + 1 < this.#lineContentEnd(m) && !isDigit(t.charCodeAt(q + 1))) {
        return Number(t.slice(p, q));
      }
    }
    return -1;
  }

  /** Where line `m`'s text starts, after up to three spaces of indent. */
  #lineMarkStart(m: number): number {
    return this.#spaces(this.#index.lineStart(m));
  }

  /** The end of line `m`'s content, before its line ending. */
  #lineContentEnd(m: number): number {
    const next = m + 1 < this.#index.lineCount ? this.#index.lineStart(m + 1) : this.#n;
    let end = next;
    while (end > this.#index.lineStart(m) && isBreak(this.#text.charCodeAt(end - 1))) end--;
    return end;
  }

  #atCurrency(i: number): number {
    const unit = CURRENCIES[this.#text[i]];
    const g = this.#gap(i + 1, true);
    if (unit === undefined || !isDigit(this.#text.charCodeAt(g.p))) return i + 1;
    return this.#atDigits(g.p, { start: i, unit });
  }

  /** `2022年9月26日`, `6月 18日`, `2015年 7月`, `25 日`. Returns the end, or null. */
  #tryDate(tok: NumberToken): number | null {
    if (tok.frac || tok.comma || tok.int.length > 4) return null;
    const t = this.#text;
    const v = Number(tok.int);
    const part: DatePart = (p, nl, max, words) => this.#datePart(p, nl, max, words);
    const g = this.#gap(tok.end, false);
    if (tok.int.length === 4) {
      if (v < 1000 || v > 2199 || t[g.p] !== '年') return null;
      return this.#fromYear(tok.start, v, g, part);
    }
    if (tok.int.length > 2) return null;
    const w = t[g.p];
    if (w === '月' && v >= 1 && v <= 12) {
      const end = t[g.p + 1] === '份' ? g.p + 2 : g.p + 1;
      const { end: last, day } = t[end - 1] !== '份' ? this.#dayAfter(end, g.nl, part) : { end, day: undefined };
      this.#emitDate(tok.start, last, undefined, v, day);
      return last;
    }
    if (w === '日' && v >= 1 && v <= 31) {
      // A day alone (`每月 25 日`), unless it counts days (`30日内`).
      const after = this.#spaces(g.p + 1);
      if (t[after] === '内' || t.startsWith('以内', after) || t.startsWith('之内', after) || t.startsWith('左右', after)) return null;
      this.#emitDate(tok.start, g.p + 1, undefined, undefined, v);
      return g.p + 1;
    }
    return null;
  }

  /**
   * A date from its year on: the year's `年` stands at g, and a month and its day may follow,
   * read by `part`. A month counted as a whole (`6月份`) takes no day.
   */
  #fromYear(start: number, year: number, g: Cursor, part: DatePart): number {
    const m = part(g.p + 1, g.nl, 12, '月');
    let end = m ? m.end : g.p + 1;
    let day: number | undefined;
    if (m && this.#text[end - 1] !== '份') ({ end, day } = this.#dayAfter(end, m.nl, part));
    this.#emitDate(start, end, year, m?.value, day);
    return end;
  }

  /** The day that may follow a month ending at `end`, read by `part`. */
  #dayAfter(end: number, nl: boolean, part: DatePart): { end: number; day?: number } {
    const d = part(end, nl, 31, '日号');
    return d ? { end: d.end, day: d.value } : { end };
  }

  /** A month or day in digits after a date part: gap, 1–2 digits, gap, one of `words`. */
  #datePart(p: number, nl: boolean, max: number, words: string): { value: number; end: number; nl: boolean } | null {
    const t = this.#text;
    const g = this.#gap(p, nl);
    if (!isDigit(t.charCodeAt(g.p))) return null;
    const tok = this.#readNumber(g.p, 2);
    if (tok.tooLong || tok.frac || tok.comma || tok.int.length > 2) return null;
    const v = Number(tok.int);
    if (v < 1 || v > max) return null;
    const g2 = this.#gap(tok.end, g.nl);
    if (g2.p >= this.#n || !words.includes(t[g2.p])) return null;
    let end = g2.p + 1;
    if (words === '月' && t[end] === '份') end++;
    return { value: v, end, nl: g2.nl };
  }

  /** `16—60 周岁`, `3-5万元`, `5%～10%`. Returns the end when the range was handled. */
  #tryRange(low: NumberToken): number | null {
    const t = this.#text;
    let g = this.#gap(low.end, false);
    // The lower bound's own magnitude (`3万—5万元`), unless a unit starts here.
    let lowExp = 0;
    let lowOwn = false;
    for (let k = 0; k < 2; k++) {
      const mag = HAN_MAGNITUDES[t[g.p]];
      if (mag === undefined || this.#matchTrie(UNIT_TRIE, g.p, g.nl)) break;
      lowExp += mag;
      lowOwn = true;
      g = this.#gap(g.p + 1, g.nl);
    }
    let lowPercent = false;
    if (isPercent(t.charCodeAt(g.p))) {
      lowPercent = true;
      g = this.#gap(g.p + 1, g.nl);
    }
    const sep = SEPARATOR_FIRSTS.has(t[g.p]) ? RANGE_SEPARATORS.find((s) => t.startsWith(s, g.p)) : undefined;
    if (sep === undefined) return null;
    const hyphen = sep === '-' || sep === '--' || sep === '－';
    const g2 = this.#gap(g.p + sep.length, g.nl);
    if (!isDigit(t.charCodeAt(g2.p))) return null;
    const high = this.#readNumber(g2.p, MAX_INT_DIGITS);
    if (high.tooLong) return null;
    // `0358-8227820`, `2020-12345678`: phone numbers and codes, not ranges.
    if (hyphen && (high.int.length >= 5 || low.int.length >= 5 || high.int[0] === '0')) return high.end;
    if (this.#gluedAfter(high.end)) return null;
    const gd = this.#gap(high.end, g2.nl);
    if (gd.p < this.#n && DATE_WORDS.includes(t[gd.p])) {
      // A span of months, years or hours (`1—4月份`): neither a figure nor a date.
      let end = gd.p + 1;
      if (t[end] === '份') end++;
      return end;
    }
    const tail = this.#readTail(high.end, g2.nl);
    if (tail.unit === null || lowPercent !== tail.percent) return null;
    const value = valueOf(this.#decimal(low), lowOwn ? lowExp + (tail.percent ? -2 : 0) : tail.exp);
    const upper = valueOf(this.#decimal(high), tail.exp);
    if (!(upper > value)) return null;
    this.#emitFigure(low.start, tail.end, value, tail.unit, 'range', tail.approx, upper);
    return tail.end;
  }

  // -- Chinese numerals -----------------------------------------------------------------------

  /** Handles a run of Chinese numerals at `start`; returns where scanning continues. */
  #atChinese(start: number): number {
    const t = this.#text;
    if (t.startsWith('百分之', start)) {
      const end = this.#tryPercentWords(start);
      if (end !== null) return end;
    }
    let runEnd = start;
    while (runEnd < this.#n && CN_NUMERAL_CHARS.has(t[runEnd])) runEnd++;
    if (runEnd - start > MAX_CN_RUN) return runEnd;
    if (this.#inTitle(start) || this.#ordinal(start)) return runEnd;
    const before = start > 0 ? t[start - 1] : '';
    const before2 = start > 1 ? t.slice(start - 2, start) : '';
    // 数十万, 几百人, 周一, 星期三, 礼拜六, 初十: not counts.
    if ((before !== '' && '数几周初'.includes(before)) || before2 === '星期' || before2 === '礼拜') return runEnd;
    const run = t.slice(start, runEnd);

    const dateEnd = this.#tryChineseDate(start, run, runEnd);
    if (dateEnd !== null) return dateEnd;
    if (t.startsWith('分之', runEnd)) {
      // A fraction (`四分之一`): skip its denominator and numerator.
      let q = runEnd + 2;
      while (q < this.#n && q - runEnd < MAX_CN_RUN && CN_NUMERAL_CHARS.has(t[q])) q++;
      return q;
    }
    // Idioms and words led by a magnitude (百姓, 千方百计, 万一) are not numbers.
    if ('百千万亿'.includes(run[0])) return runEnd;
    const n = parseChineseNumeral(run);
    if (n === null) return runEnd;
    let digits = String(n);
    let exp = 0;
    let end = runEnd;
    // 三点五万: a decimal part written digit by digit.
    if (t[end] === '点') {
      let q = end + 1;
      let frac = '';
      while (q < this.#n && q - end <= MAX_FRACTION_DIGITS && CN_DIGITS[t[q]] !== undefined && t[q] !== '两') frac += String(CN_DIGITS[t[q++]]);
      if (frac && !CN_NUMERAL_CHARS.has(t[q])) {
        digits += frac;
        exp = -frac.length;
        end = q;
      }
    }
    const tail = this.#readTail(end, false);
    if (tail.unit === null || tail.unit === '届') return runEnd;
    const value = valueOf({ digits, exp }, tail.exp);
    if (value < 10) return tail.end;
    this.#emitFigure(start, tail.end, value, tail.unit, tail.percent ? 'percent' : 'quantity', tail.approx);
    return tail.end;
  }

  /** `百分之三十` → 0.3 %, `百分之 5.5` → 0.055 %. */
  #tryPercentWords(start: number): number | null {
    const t = this.#text;
    if (this.#inTitle(start)) return null;
    const g = this.#gap(start + 3, true);
    let dec: Decimal;
    let end: number;
    if (isDigit(t.charCodeAt(g.p))) {
      const tok = this.#readNumber(g.p, MAX_INT_DIGITS);
      if (tok.tooLong || tok.comma) return null;
      dec = this.#decimal(tok);
      end = tok.end;
    } else {
      let q = g.p;
      while (q < this.#n && q - g.p < 8 && CN_NUMERAL_CHARS.has(t[q])) q++;
      const v = q > g.p ? parseChineseNumeral(t.slice(g.p, q)) : null;
      if (v === null) return null;
      let digits = String(v);
      let exp = 0;
      if (t[q] === '点') {
        let r = q + 1;
        let frac = '';
        while (r < this.#n && r - q <= MAX_FRACTION_DIGITS && CN_DIGITS[t[r]] !== undefined && t[r] !== '两') frac += String(CN_DIGITS[t[r++]]);
        if (frac) {
          digits += frac;
          exp = -frac.length;
          q = r;
        }
      }
      dec = { digits, exp };
      end = q;
    }
    this.#emitFigure(start, end, valueOf(dec, -2), '%', 'percent', false);
    return end;
  }

  /** `二〇二〇年六月十八日`, `六月十八日`. A Chinese date needs a year or both month and day. */
  #tryChineseDate(start: number, run: string, runEnd: number): number | null {
    const t = this.#text;
    const g = this.#gap(runEnd, false);
    const part: DatePart = (p, nl, max, words) => this.#chinesePart(p, nl, max, words);
    if (t[g.p] === '年') {
      const y = run.length === 4 ? parseDigitString(run) : null;
      if (y === null || y < 1000 || y > 2199) return null;
      return this.#fromYear(start, y, g, part);
    }
    if (t[g.p] !== '月') return null;
    const month = parseChineseNumeral(run);
    if (month === null || month < 1 || month > 12 || '百千万亿'.includes(run[0])) return null;
    // Without a year, a month alone is no date: its day is needed.
    const { end, day } = this.#dayAfter(g.p + 1, g.nl, part);
    if (day === undefined) return null;
    this.#emitDate(start, end, undefined, month, day);
    return end;
  }

  #chinesePart(p: number, nl: boolean, max: number, words: string): { value: number; end: number; nl: boolean } | null {
    const t = this.#text;
    const g = this.#gap(p, nl);
    let q = g.p;
    while (q < this.#n && q - g.p < 4 && CN_NUMERAL_CHARS.has(t[q])) q++;
    if (q === g.p || '百千万亿'.includes(t[g.p])) return null;
    const v = parseChineseNumeral(t.slice(g.p, q));
    if (v === null || v < 1 || v > max) return null;
    const g2 = this.#gap(q, g.nl);
    if (g2.p >= this.#n || !words.includes(t[g2.p])) return null;
    return { value: v, end: g2.p + 1, nl: g2.nl };
  }
}

