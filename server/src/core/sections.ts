/**
 * Section heads inside an article body: numbered heads (`一、征文主题`, `（一）`) and the short
 * unnumbered subheads of long articles, set on a line of their own or in two short lines.
 */
import type { PageLine } from './lines';
import { endsInsideClause, endsSentence } from './lines';
import { isAttribution, lineEndsSentence, sectionNumbering } from './classify';
import { shortfall } from './columns';
import { isLetterSpaced } from './damage';
import { LIST_MARK } from './text';

export interface SectionHead {
  readonly title: string;
  /** Index of the head's first and last line in the body. */
  readonly first: number;
  readonly last: number;
}

/** A subhead is shorter than the column by more than a paragraph indent. */
const SUBHEAD_SHORTFALL = 3.5;
/** The longest a subhead runs, in characters. */
const SUBHEAD_MAX = 40;

/** A line that fills its column stands no more than this short of it, in em. */
const FULL_WIDTH_SLACK = 1.5;
const ENDS_IN_DIGIT = /\d$/;

/**
 * A numbered line that runs on into the next (`二、整治范围为全市城镇燃气经营企业、`, `一、整治时间
 * 为2024年5月10日至2024年9`) is an entry of a list, set as a paragraph: it breaks inside a clause
 * or a figure, or fills its column to the edge. A numbered head ends where its words end.
 */
function runsOn(body: readonly PageLine[], i: number): boolean {
  const l = body[i];
  if (i + 1 >= body.length || lineEndsSentence(l)) return false;
  if (endsInsideClause(l.flat) || ENDS_IN_DIGIT.test(l.flat)) return true;
  // Filling its column, it runs on, unless the next line opens a paragraph, set in by an indent
  // (`三、壮大集体经济，增强“造血”功能` / `发展壮大村级集体经济，是增强村`).
  return shortfall(body, i) < FULL_WIDTH_SLACK && !opensParagraph(body, i + 1);
}

/** The line opens a paragraph: set in from the column by about an indent, and running on. */
function opensParagraph(body: readonly PageLine[], i: number): boolean {
  const short = shortfall(body, i);
  return !lineEndsSentence(body[i]) && short >= FULL_WIDTH_SLACK && short < SUBHEAD_SHORTFALL;
}

const LONE_NUMERAL = /^[一二三四五六七八九十]{1,3}$/;
/** A mark a feature sets before its subheads (`◆ 把作坊变成课堂`): what follows is a section. */
export const SUBHEAD_MARK = /^[◆◇■□▲△★☆]/;
/** A subhead's label in square brackets: `【帮办过程】`. */
const BRACKET_SUBHEAD = /^[【〖][^【】〖〗]{2,8}[】〗]/;
const EDITOR_NOTE = /^[【〖](?:编者按|编后|按语)/;
/** A quotation that runs on past its line: `“木头是有脾气的，你得顺着它的`. */
const OPENS_QUOTATION = /^“[^”]*$/;

/** A line announcing what follows it: `现将有关事项通告如下：`. */
const ANNOUNCES = /[：:]$/;

/**
 * @param body the body's non-blank lines
 * @param candidates indices of lines that stand alone between paragraphs (inner heading candidates)
 */
export function findSections(body: readonly PageLine[], candidates: ReadonlySet<number>): SectionHead[] {
  const out: SectionHead[] = [];
  for (let i = 0; i < body.length; i++) {
    const l = body[i];
    const numbering = sectionNumbering(l.flat);
    // A list's first entry may follow the line that announces it: `…现将有关事项公告如下：`.
    const atParagraphStart =
      i === 0 || lineEndsSentence(body[i - 1]) || out[out.length - 1]?.last === i - 1 || (numbering !== null && ANNOUNCES.test(body[i - 1].flat));
    if (!atParagraphStart) continue;
    if (numbering && runsOn(body, i)) continue;
    // An essay's parts numbered by a numeral alone on its line: `一`, `二`.
    if (numbering || LONE_NUMERAL.test(l.flat)) {
      const title = l.flat.split(/[。！？]/)[0];
      out.push({ title, first: i, last: i });
      continue;
    }
    // A mark a feature sets before its subheads makes one wherever it stands: `■ 十四岁拜师，先磨三年刀`.
    // A marked line that fills its column opens a brief of a list instead (`■ 6月8日，江州博物馆…`).
    if (i > 0 && SUBHEAD_MARK.test(l.flat) && l.flat.length <= SUBHEAD_MAX && !endsSentence(l.flat) && shortfall(body, i) >= SUBHEAD_SHORTFALL) {
      out.push({ title: l.flat.replace(LIST_MARK, ''), first: i, last: i });
      continue;
    }
    // A label in square brackets heads the part under it (`【读者来电】`, `【现象】“618”前后包裹量翻倍`);
    // opening the body alone on its line too. Opening it with text after, it is a brief's title
    // (`【印尼一火山喷发】据新华社电…`), and an editor's note (`【编者按】`) introduces the whole text.
    const bracketed = BRACKET_SUBHEAD.exec(l.flat);
    if (bracketed && (i > 0 || bracketed[0].length === l.flat.length) && l.flat.length <= SUBHEAD_MAX && !endsSentence(l.flat) && !EDITOR_NOTE.test(l.flat)) {
      out.push({ title: l.flat, first: i, last: i });
      continue;
    }
    // A letter-spaced line was stretched to fill its column: running text, never a subhead.
    if (!candidates.has(i) || l.flat.length > SUBHEAD_MAX || isLetterSpaced(l.raw)) continue;
    // A pull quote and who said it stand apart too, but head nothing.
    if (OPENS_QUOTATION.test(l.flat) || isAttribution(l.flat)) continue;
    if (shortfall(body, i) >= SUBHEAD_SHORTFALL) {
      // A head may wrap once: its second line ends it, and is short too.
      const next = body[i + 1];
      const wraps = next !== undefined && endsSentence(next.flat) && l.flat.length + next.flat.length <= SUBHEAD_MAX && shortfall(body, i + 1) >= 1;
      // The title is the head's words: a box or list mark (`■ 摸清家底`) only sets it off.
      const title = (wraps ? l.flat + next.flat : l.flat).replace(LIST_MARK, '');
      out.push({ title, first: i, last: wraps ? i + 1 : i });
      if (wraps) i++;
    }
  }
  return out;
}

/** Commas and semicolons outside quotes make a line a clause: `多措并举，保障群众就业`. */
const CLAUSE_COMMA = /[，,；]/;
const QUOTED = /“[^”]*”|"[^"]*"/g;

/**
 * Shaped like a subhead of the text it stands in: numbered, reading like a clause, or wrapping
 * into a short sentence on the next line.
 */
export function shapedLikeSubhead(body: readonly PageLine[], i: number): boolean {
  const l = body[i];
  const next = body[i + 1];
  return sectionNumbering(l.flat) !== null || CLAUSE_COMMA.test(l.flat.replace(QUOTED, '')) || (next !== undefined && endsSentence(next.flat) && next.flat.length + l.flat.length <= SUBHEAD_MAX);
}
