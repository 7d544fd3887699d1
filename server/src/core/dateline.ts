/**
 * The dateline that opens an article, and the reporters its bracket names. The bracket may wrap
 * over lines: `本报讯（记者 罗丽 通讯员 安` + `豪）`.
 */
import type { Dateline } from './model';
import type { PageLine } from './lines';
import { joinCreditLines } from './people';
import { isLatinCapital, isSpaced, isWhitespace, range } from './text';

/** How far after the dateline's opening words its reporter bracket may start, in printed characters. */
const BRACKET_WITHIN = 16;
/** How many lines a reporter bracket may wrap over. */
const BRACKET_LINES = 3;

/** `本报讯`, `…电`, `本报消息` or an English `WASHINGTON, Jan. 4 —`: the words of a dateline without a bracket. */
const DATELINE_WORDS = /^.*?(?:(?:[讯电]|消息)(?=\s|$|记者|通讯员)|\s?(?:—|–|--))/;
/**
 * Reporters named after an unbracketed dateline, ending in the verb: `本报讯 记者张晓东报道：`.
 * Group 1 is the credit with its verb, which tells a photo report (`摄影报道`) from a report.
 */
const REPORTED_BY = /^\s*((?:本报|新华社)?(?:记者|通讯员|实习生)[\u4e00-\u9fff·\s]{2,24}?报道)(?=[：:\s]|$)/;
const SPACES = /\s+/g;

/** The dateline and the names its bracket holds (the reporters): `本报讯（记者 罗丽 通讯员 安` + `豪）`. */
export function readDateline(l: PageLine, lines: readonly PageLine[]): Dateline & { names: string } {
  const open = l.raw.search(/[（(]/);
  // An English dateline's bracket names its agency, not reporters: `BOSTON (AP) —`.
  const english = isLatinCapital(l.flat.charCodeAt(0));
  if (open < 0 || printedBetween(l.raw, l.indent, open) > BRACKET_WITHIN || english) {
    const m = DATELINE_WORDS.exec(l.raw.slice(l.indent));
    const end = m ? l.indent + m[0].length : l.raw.trimEnd().length;
    const reported = m && !english ? REPORTED_BY.exec(l.raw.slice(end)) : null;
    if (reported) {
      const stop = end + reported[0].length;
      return { range: range(l.n, l.indent, l.n, stop), text: l.raw.slice(l.indent, stop).trim().replace(SPACES, ' '), names: reported[1] };
    }
    return { range: range(l.n, l.indent, l.n, end), text: l.raw.slice(l.indent, end).trim(), names: '' };
  }
  const parts: string[] = [];
  let endLine = l.n;
  let endChar = -1;
  let text = l.raw.slice(open + 1);
  for (let n = l.n, k = 0; k < BRACKET_LINES * 2 && n < lines.length; k++) {
    const close = text.search(/[）)]/);
    if (close >= 0) {
      parts.push(text.slice(0, close));
      endLine = n;
      endChar = (n === l.n ? open + 1 : 0) + close + 1;
      break;
    }
    parts.push(text);
    n++;
    while (n < lines.length && lines[n].blank) n++;
    text = lines[n]?.raw ?? '';
  }
  if (endChar < 0) return { range: range(l.n, l.indent, l.n, l.raw.trimEnd().length), text: l.flat, names: '' };
  const inner = joinCreditLines(parts, isSpaced(parts.join(' ')));
  const r = range(l.n, l.indent, endLine, endChar);
  const datelineText = (l.raw.slice(l.indent, open).trim() + '（' + inner + '）').replace(/\s+/g, ' ');
  return { range: r, text: datelineText, names: inner };
}

/**
 * The characters printed in raw[from, to), spaces not counted: a letter-spaced dateline
 * (`新 华 社 上 海 5 月 8 日 电（`) is no longer than its solid setting.
 */
function printedBetween(raw: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) if (!isWhitespace(raw.charCodeAt(i))) count++;
  return count;
}

/**
 * The last line readDateline may read for a dateline: as many non-blank lines as a bracket
 * may wrap over. What it finds depends on these lines alone.
 */
export function datelineReach(l: PageLine, lines: readonly PageLine[]): number {
  let n = l.n;
  for (let k = 1; k < BRACKET_LINES * 2 && n < lines.length - 1; k++) {
    n++;
    while (n < lines.length - 1 && lines[n].blank) n++;
  }
  return n;
}
