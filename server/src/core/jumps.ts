/**
 * Jump lines and page pointers: `（下转4版）`, `（上接第一版）`, `（见 版）`, `Continued on Page A4`,
 * `See BUDGET, Page 5`.
 *
 * Runs on every keystroke and on hostile input, so every pattern is linear: each regex has a
 * literal-ish first character and only bounded quantifiers (whitespace gaps are `\s{0,12}` at
 * most), so the work per start position is a constant and a scan is O(n).
 *
 * `text` is the exact source slice of the marker, line breaks included, so for the vertical
 * layout (`（`, `见`, ``, `版`, `）` on separate lines) it is `"（\n见\n\n版\n）"` and always
 * equals the text under `range`.
 */
import type { JumpDirection, JumpLine, PageId } from './model';
import { LIST_MARK, type LineIndex } from './text';

/** The gap extraction or justification may leave between the characters of a marker. */
const GAP = '\\s{0,12}';
const DIGIT = '[0-9０-９]';
const LETTER = '[A-Za-zＡ-Ｚａ-ｚ]';
const HAN_NUMERAL = '[一二三四五六七八九十]{1,3}';
const ZH_PAGE = `${LETTER}?[ \\u3000]?${DIGIT}(?:[ \\u3000]?${DIGIT}){0,2}|${HAN_NUMERAL}`;
const sp = (chars: string): string => chars.split('').join(GAP);

/** What a pointer may name before its keyword: `（相关报道见第5版）`, `（更多新闻详见A3版）`. */
const RELATED = '(?:相关|更多|详细)(?:报道|新闻|评论|阅读|内容|图片)';

/**
 * Chinese jump lines. After an opening bracket any keyword may follow; without one only the
 * two-character keywords that cannot occur in ordinary prose before a page (下转, 上接, 详见).
 * `版` must not start 版本 (edition), 版权 (copyright), 版税 (royalty).
 */
const ZH_RE = new RegExp(
  `(?:(?<open>[（(])${GAP}(?:${RELATED}${GAP})?(?<kwb>${sp('下转')}|${sp('上接')}|${sp('紧接')}|${sp('详见')}|${sp('参见')}|转|接|见)` +
    `|(?<kwu>${sp('下转')}|${sp('上接')}|${sp('详见')}))` +
    `${GAP}(?:第${GAP})?(?:(?<page>${ZH_PAGE})${GAP})?版(?![本权税])(?:${GAP}(?<close>[）)]))?`,
  'g',
);

/** A digest entry's title is a headline: at least this many characters. */
const MIN_TITLE_CHARS = 4;
/**
 * A bare page pointer closing a title in a front page's digest (导读): `…工作会议（2版）`,
 * `●…进校园 4版`. Only at the end of a line, after the title: in prose a page number does not
 * end a line like that.
 */
const BARE_POINTER_RE = new RegExp(
  `(?:(?:(?<open>[（(])[ \\t\\u3000]{0,3}|(?<arrow>[▶►→])[ \\t\\u3000]{0,3}|[ \\t\\u3000]{1,4})(?:第[ \\t\\u3000]{0,3})?(?<page>${ZH_PAGE})[ \\t\\u3000]{0,3}版(?:[ \\t\\u3000]{0,3}(?<close>[）)]))?` +
    // A pointing triangle needs no 版: `…锁定冲甲席位 ▶A9` (an arrow → may be prose's: `5元→3`).
    `|(?<bare>[▶►])[ \\t\\u3000]{0,3}(?<barePage>${ZH_PAGE}))[ \\t\\u3000\\r]*$`,
);

const EN_ID = '[A-Za-z]-?\\d{1,3}|\\d{1,3}';

/** `Continued on Page A4`, `(Continued on A4)`, `Continued from Page 1`. */
const CONTINUED_RE = new RegExp(
  `(?<open>\\(\\s{0,3})?\\bcontinued\\s{1,4}(?<dir>on|from)\\s{1,4}(?:(?<pw>page)\\s{0,3})?` +
    `(?<id>${EN_ID})\\b(?:\\s{0,3}(?<close>\\)))?`,
  'gi',
);

/** An upper-case slug of up to four words: `BUDGET`, `CRIME ON CAMPUS`, `U.S.`. */
const SLUG = "[A-Z][A-Z0-9&'’.\\-]{1,24}(?: [A-Z][A-Z0-9&'’.\\-]{0,24}){0,3}";
const PAGE_WORD = '[Pp][Aa][Gg][Ee]';

/**
 * A continuation's head on a line of its own, naming its story's slug: `BUDGET from A1`,
 * `STORM from Page 1`, or not: `From Page B1`. Alone on its line: prose does not read like that.
 */
const SLUG_FROM_RE = new RegExp(
  `^[ \\t]{0,12}(?:(?<slug>${SLUG})[ \\t]{1,4}from|From)[ \\t]{1,4}(?:${PAGE_WORD}[ \\t]{0,3})?(?<id>${EN_ID})[ \\t]{0,12}$`,
  'gm',
);

/** `See BUDGET, Page 5`, `See BUDGET on Page A5`, `Please see BUDGET, A5`, `see page 5`, `See related story, Page B3`. */
const SEE_RE = new RegExp(
  `(?<open>\\(\\s{0,3})?\\b(?:[Pp][Ll][Ee][Aa][Ss][Ee]\\s{1,3})?[Ss][Ee][Ee]\\s{1,4}` +
    `(?:(?<slug>${SLUG})(?:\\s{0,3},\\s{0,3}|\\s{1,3}[Oo][Nn]\\s{1,3})(?:${PAGE_WORD}\\s{0,3})?|related\\s{1,3}stor(?:y|ies)\\s{0,3},?\\s{0,3}(?:${PAGE_WORD}\\s{0,3})?|${PAGE_WORD}\\s{0,3})` +
    `(?<id>${EN_ID})\\b(?:\\s{0,3}(?<close>\\)))?`,
  'g',
);

/** What CONTINUED_RE and SEE_RE cannot match without. */
const CONTINUED_WORD = /continued/i;
const SEE_WORD = /[Ss][Ee][Ee]\s/;

interface Found {
  readonly start: number;
  readonly end: number;
  readonly direction: JumpDirection;
  readonly page: PageId;
  readonly slug?: string;
}

/** Finds every jump line and page pointer in a page, in document order. */
export function findJumps(index: LineIndex): JumpLine[] {
  const text = index.text;
  const found: Found[] = [];
  scanChinese(text, found);
  scanBarePointers(text, found);
  // The English patterns cannot skip ahead to a first character (an optional bracket opens
  // them): on a page that lacks their keyword, a plain search for it ends the scan sooner.
  if (CONTINUED_WORD.test(text)) scanContinued(text, found);
  if (text.includes('from') || text.includes('From')) scanSlugFrom(text, found);
  if (SEE_WORD.test(text)) scanSee(text, found);
  found.sort((a, b) => a.start - b.start || b.end - a.end);

  const jumps: JumpLine[] = [];
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue; // overlaps the previous marker
    lastEnd = f.end;
    const jump: JumpLine = { range: index.rangeOf(f.start, f.end), direction: f.direction, page: f.page, text: text.slice(f.start, f.end) };
    jumps.push(f.slug === undefined ? jump : { ...jump, slug: f.slug });
  }
  return jumps;
}

function scanChinese(text: string, out: Found[]): void {
  ZH_RE.lastIndex = 0;
  for (let m = ZH_RE.exec(text); m; m = ZH_RE.exec(text)) {
    const g = m.groups ?? {};
    const open = g.open !== undefined;
    const close = g.close !== undefined;
    // A lost page number is only a pointer when fully bracketed: `（见 版）`.
    if (g.page === undefined && !(open && close)) {
      ZH_RE.lastIndex = m.index + 1;
      continue;
    }
    const kw = g.kwb ?? g.kwu ?? '';
    const last = kw.charAt(kw.length - 1);
    const direction: JumpDirection = last === '转' ? 'to' : last === '接' ? 'from' : 'see';
    // The close bracket ends the match; without an opening bracket a stray `）` belongs to
    // something else, so the marker ends at 版 (only whitespace and `）` follow it).
    const end = open || !close ? m.index + m[0].length : m.index + m[0].lastIndexOf('版') + 1;
    out.push({ start: m.index, end, direction, page: g.page === undefined ? null : parsePageRef(g.page) });
  }
}

/**
 * Lines with 版 are few: each is found by a search and its end matched against the pattern,
 * instead of trying the pattern at every position of the page.
 */
function scanBarePointers(text: string, out: Found[]): void {
  for (let at = text.indexOf('版'); at >= 0; at = text.indexOf('版', at + 1)) {
    const [lineStart, lineEnd] = lineAround(text, at);
    scanPointerLine(text, lineStart, lineEnd, out);
    at = lineEnd;
  }
  // A pointing triangle points without 版 too (`▶A9`); lines holding 版 were read above.
  for (const arrow of ['▶', '►']) {
    for (let at = text.indexOf(arrow); at >= 0; at = text.indexOf(arrow, at + 1)) {
      const [lineStart, lineEnd] = lineAround(text, at);
      if (!text.slice(lineStart, lineEnd).includes('版')) scanPointerLine(text, lineStart, lineEnd, out);
      at = lineEnd;
    }
  }
}

/** The start and end of the line holding position `at`. */
function lineAround(text: string, at: number): [number, number] {
  const next = text.indexOf('\n', at);
  return [text.lastIndexOf('\n', at - 1) + 1, next < 0 ? text.length : next];
}

/** Reads the line [lineStart, lineEnd) for a bare pointer at its end. */
function scanPointerLine(text: string, lineStart: number, lineEnd: number, out: Found[]): void {
  const line = text.slice(lineStart, lineEnd);
  const m = BARE_POINTER_RE.exec(line);
  if (!m) return;
  const g = m.groups ?? {};
  const open = g.open !== undefined;
  // A bracket opened is closed, and a title stands before the pointer on its line (`第 4 版`
  // is a page header, not a title and its pointer).
  const title = line.slice(0, m.index).trim();
  const arrow = g.arrow !== undefined || g.bare !== undefined;
  // After a book's title, `（第7版）` is its edition. Unbracketed, a page number closes a
  // digest's entry only where a list mark opens it (`●…进校园 4版`) or an arrow points to it
  // (`…有效吗？▶第6版`): prose may end `…专版 4版`. A bracketed or arrowed pointer alone on its
  // line points from the title on the line above (`清源县7个重点项目集中开工` / `（第3版）`).
  if (open !== (g.close !== undefined) || title.endsWith('》')) return;
  if (title.length < MIN_TITLE_CHARS && !((open || arrow) && title.length === 0 && titleAbove(text, lineStart))) return;
  if (!open && !arrow && !LIST_MARK.test(title)) return;
  const start = lineStart + (open || arrow ? m.index : m.index + m[0].search(/[^ \t\u3000]/));
  const end = g.bare !== undefined ? lineStart + m.index + m[0].trimEnd().length : lineStart + m.index + (open ? m[0].lastIndexOf(g.close ?? '') : m[0].lastIndexOf('版')) + 1;
  out.push({ start, end, direction: 'see', page: parsePageRef(g.page ?? g.barePage ?? '') });
}

/** A digest entry's title ends without a statement's end (a question may title an entry). */
const SENTENCE_END = /[。！；!;]\s*$/;

/** The nearest non-blank line above `lineStart` could be a digest entry's title. */
function titleAbove(text: string, lineStart: number): boolean {
  let end = lineStart - 1;
  while (end > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).trim();
    if (line.length > 0) return line.length >= MIN_TITLE_CHARS && !SENTENCE_END.test(line);
    end = start - 1;
  }
  return false;
}

function scanContinued(text: string, out: Found[]): void {
  CONTINUED_RE.lastIndex = 0;
  for (let m = CONTINUED_RE.exec(text); m; m = CONTINUED_RE.exec(text)) {
    const g = m.groups ?? {};
    const id = g.id ?? '';
    // `continued on 4 occasions`: a bare number needs `Page` or a bracket.
    if (g.pw === undefined && /^\d/.test(id) && g.open === undefined) {
      CONTINUED_RE.lastIndex = m.index + 1;
      continue;
    }
    const direction: JumpDirection = (g.dir ?? '').toLowerCase() === 'on' ? 'to' : 'from';
    out.push({ start: m.index, end: englishEnd(m), direction, page: parsePageRef(id) });
  }
}

function scanSlugFrom(text: string, out: Found[]): void {
  SLUG_FROM_RE.lastIndex = 0;
  for (let m = SLUG_FROM_RE.exec(text); m; m = SLUG_FROM_RE.exec(text)) {
    const g = m.groups ?? {};
    const slug = g.slug;
    const start = m.index + m[0].length - m[0].trimStart().length;
    const id = g.id ?? '';
    const end = m.index + m[0].lastIndexOf(id) + id.length;
    out.push(slug === undefined ? { start, end, direction: 'from', page: parsePageRef(id) } : { start, end, direction: 'from', page: parsePageRef(id), slug });
  }
}

function scanSee(text: string, out: Found[]): void {
  SEE_RE.lastIndex = 0;
  for (let m = SEE_RE.exec(text); m; m = SEE_RE.exec(text)) {
    const g = m.groups ?? {};
    const found: Found = { start: m.index, end: englishEnd(m), direction: 'see', page: parsePageRef(g.id ?? '') };
    out.push(g.slug === undefined ? found : { ...found, slug: g.slug });
  }
}

/**
 * The end of an English match: the closing bracket when it was opened, else the page id (only
 * whitespace and `)` can follow the id in a match, so its last occurrence is the id).
 */
function englishEnd(m: RegExpExecArray): number {
  const g = m.groups ?? {};
  if (g.close === undefined || g.open !== undefined) return m.index + m[0].length;
  const id = g.id ?? '';
  return m.index + m[0].lastIndexOf(id) + id.length;
}

/** Fullwidth ASCII (`４`, `Ａ`) to ASCII, ideographic space to space. */
function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

const HAN_DIGITS = '一二三四五六七八九';

/** 一 … 九十九; null for anything else. */
function parseHanNumber(s: string): number | null {
  if (s.length === 1) {
    if (s === '十') return 10;
    const d = HAN_DIGITS.indexOf(s);
    return d >= 0 ? d + 1 : null;
  }
  const m = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(s);
  if (!m) return null;
  const tens = m[1] === undefined ? 1 : HAN_DIGITS.indexOf(m[1]) + 1;
  const units = m[2] === undefined ? 0 : HAN_DIGITS.indexOf(m[2]) + 1;
  return tens * 10 + units;
}

/**
 * Parses a page designation: "4" → 4, "第四" / "四" → 4, "04" → 4, "A4"/"A04" → "A04",
 * "B12" → "B12"; returns null for empty. Also accepts fullwidth forms, inner spaces, a trailing
 * 版, a leading `Page`, and `A-4`. Anything unrecognised, and page 0, is null.
 */
export function parsePageRef(s: string): PageId {
  const t = toHalfWidth(s)
    .replace(/\s+/g, '')
    .replace(/^(?:第|page)/i, '')
    .replace(/版$/, '');
  if (t === '') return null;
  if (/^\d{1,4}$/.test(t)) {
    const n = Number(t);
    return n > 0 ? n : null;
  }
  const m = /^([A-Za-z])-?(\d{1,3})$/.exec(t);
  if (m) {
    const n = Number(m[2]);
    return n > 0 ? m[1].toUpperCase() + String(n).padStart(2, '0') : null;
  }
  return parseHanNumber(t);
}
