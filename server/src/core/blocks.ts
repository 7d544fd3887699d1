/**
 * The page as a sequence of blocks: the lines classified in context. A block is one line of
 * running text, a dateline, a photo caption, a teaser, or a stack of headline lines with the
 * subtitle and byline set beside them.
 */
import type { JumpLine } from './model';
import { type PageLine, endsSentence, pageLine } from './lines';
import type { PhotoBlock } from './photos';
import {
  continuesByline,
  isBracketedByline,
  isDigestLabel,
  isBracketedAside,
  isBriefsLabel,
  isEnglishByline,
  isEnglishBylinePlace,
  isEnglishDeck,
  isEnglishHeadShape,
  isHeadingLike,
  isBoxLabel,
  readerSignature,
  isStockCodeLine,
  isSubtitle,
  lineEndsSentence,
  lineKind,
  sectionNumbering,
  setsPhrasesApart,
  endsWithCloser,
  trailingAuthor,
  trailingSource,
  wrappedAside,
} from './classify';
import { clearlyShorter } from './columns';
import { readFootLine, readTopLine } from './pageHeader';
import { isLatinCapital } from './text';

export type StackLineRole = 'kicker' | 'headline' | 'subtitle' | 'byline';

export interface StackLine {
  readonly line: PageLine;
  readonly role: StackLineRole;
  /** The columns of the line the part takes, when it shares the line with text: `【标题】正文…`. */
  readonly span?: { readonly start: number; readonly end: number };
}

export type Block =
  | {
      readonly type: 'text';
      readonly line: PageLine;
      /** the line ends with a `to` jump */
      readonly endsWithJump: boolean;
      /** the line opens with a `from` jump: `（上接1版）…` */
      readonly startsWithFrom?: boolean;
      /** where a `from` jump ending the line starts, after words of its own: a continuation's headline, `…突破九成（上接第1版）` */
      readonly fromAt?: number;
      /** the line signs its article off: an author or source in brackets after its last sentence */
      readonly signsOff?: boolean;
      /** the line opens a brief with its title in brackets (`【标题】正文…`): the title's columns */
      readonly title?: { readonly start: number; readonly end: number };
    }
  | { readonly type: 'dateline'; readonly line: PageLine }
  | { readonly type: 'source'; readonly line: PageLine }
  /** A notice's close: its signatory lines and the date it is signed on. */
  | { readonly type: 'signature'; readonly lines: readonly PageLine[] }
  | { readonly type: 'byline'; readonly line: PageLine }
  | { readonly type: 'jump'; readonly line: PageLine; readonly direction?: JumpLine['direction'] }
  | { readonly type: 'photo'; readonly photo: PhotoBlock }
  /**
   * A title and the `see` pointer after it; `titleEnd` is where the title ends on its line, and
   * `lead` the title's first line when it is set in two.
   */
  | { readonly type: 'teaser'; readonly title: PageLine; readonly titleEnd: number; readonly last: number; readonly lead: PageLine | null }
  /** `briefs`: the label over a column of briefs, which have no headlines of their own. */
  | { readonly type: 'furniture'; readonly line: PageLine; readonly pageId?: string; readonly briefs?: boolean }
  /** Headline material. `inner` stacks stand between paragraphs of running text and may be section heads. */
  | { readonly type: 'stack'; readonly lines: readonly StackLine[]; readonly inner: boolean };

/** A page's or column's name: a few characters, no punctuation. */
const PAGE_NAME = /^[\u4e00-\u9fff]{2,8}$/;

/** What a line below the page's top is of the top's furniture: nothing. */
const NOT_AT_TOP = { pageId: undefined, furniture: false };

/**
 * How many content lines at the top of a page may be page furniture, whatever stands among them;
 * below them, a line is furniture of the top only while nothing but furniture stands above it.
 */
const FURNITURE_LINES = 5;

/** Lines that hold nothing but (part of) a jump marker, like the vertical `（` `见` `版` `）`. */
function jumpOnlyLines(lines: readonly PageLine[], jumps: readonly JumpLine[]): Set<number> {
  // The spans each line's jumps cover, in order (jumps come in document order).
  const spans = new Map<number, [number, number][]>();
  for (const j of jumps) {
    for (let n = j.range.start.line; n <= j.range.end.line; n++) {
      const from = n === j.range.start.line ? j.range.start.character : 0;
      const to = n === j.range.end.line ? j.range.end.character : (lines[n]?.raw.length ?? 0);
      (spans.get(n) ?? spans.set(n, []).get(n)!).push([from, to]);
    }
  }
  const only = new Set<number>();
  for (const [n, covered] of spans) {
    const raw = lines[n]?.raw ?? '';
    let at = 0;
    let bare = true;
    for (const [from, to] of covered) {
      if (raw.slice(at, from).trim() !== '') bare = false;
      at = Math.max(at, to);
    }
    if (bare && raw.slice(at).trim() === '') only.add(n);
  }
  return only;
}

const NO_JUMPS: readonly JumpLine[] = [];

/** Jump lines by the line they start and end on, so each line looks its jumps up at once. */
class JumpsByLine {
  readonly #byStart = new Map<number, JumpLine[]>();
  readonly #byEnd = new Map<number, JumpLine[]>();

  constructor(jumps: readonly JumpLine[]) {
    for (const j of jumps) {
      const add = (m: Map<number, JumpLine[]>, n: number) => (m.get(n) ?? m.set(n, []).get(n)!).push(j);
      add(this.#byStart, j.range.start.line);
      add(this.#byEnd, j.range.end.line);
    }
  }

  startingOn(n: number): readonly JumpLine[] {
    return this.#byStart.get(n) ?? NO_JUMPS;
  }

  /** The first jump of this direction starting on line n at or after column `from`. A loop, not a callback: every line is asked. */
  firstOn(n: number, direction: JumpLine['direction'], from = 0): JumpLine | undefined {
    for (const j of this.startingOn(n)) if (j.direction === direction && j.range.start.character >= from) return j;
    return undefined;
  }

  /** The jump that ends a line: nothing but spaces follows it. */
  atEnd(line: PageLine): JumpLine | undefined {
    return this.#byEnd.get(line.n)?.find((j) => line.raw.slice(j.range.end.character).trim() === '');
  }
}

export function buildBlocks(lines: readonly PageLine[], jumps: readonly JumpLine[], photos: readonly PhotoBlock[]): Block[] {
  const photoAt = new Map<number, PhotoBlock>();
  const inPhoto = new Set<number>();
  for (const p of photos) {
    photoAt.set(p.first, p);
    for (let n = p.first; n <= p.last; n++) inPhoto.add(n);
  }
  const jumpOnly = jumpOnlyLines(lines, jumps);
  const byLine = new JumpsByLine(jumps);
  const content = lines.filter((l) => !l.blank);

  const blocks: Block[] = [];
  // The header, the date and a front page's masthead block stand above everything else.
  let atTop = true;
  for (let i = 0; i < content.length; i++) {
    atTop &&= i < FURNITURE_LINES || blocks.every((b) => b.type === 'furniture');
    const l = content[i];
    if (inPhoto.has(l.n)) {
      const p = photoAt.get(l.n);
      if (p) blocks.push({ type: 'photo', photo: p });
      continue;
    }
    if (jumpOnly.has(l.n)) {
      blocks.push({ type: 'jump', line: l, direction: byLine.startingOn(l.n)[0]?.direction });
      continue;
    }
    const top = atTop ? readTopLine(l) : i >= content.length - FURNITURE_LINES ? readFootLine(l) : NOT_AT_TOP;
    // A supplement's or column's name at the top, over the page's editors: `鹭栖洲` / `责任编辑：…`.
    if (atTop && !top.furniture && PAGE_NAME.test(l.flat) && content[i + 1] && lineKind(content[i + 1]) === 'editor') {
      blocks.push({ type: 'furniture', line: l });
      continue;
    }
    const pageId = top.pageId;
    const kind = lineKind(l);
    const topOfPage = top.furniture;
    if (pageId !== undefined || kind === 'editor' || kind === 'furniture' || topOfPage) {
      blocks.push(kind === 'furniture' && isBriefsLabel(l.flat) ? { type: 'furniture', line: l, briefs: true } : { type: 'furniture', line: l, pageId });
      continue;
    }
    // A title followed by a `see` pointer is a teaser: `关于…的通告（见2版）`. In a digest, the
    // entry's summary may stand between them, or under a title that carries the pointer.
    const inDigest = digestGoesOn(blocks);
    const teaser = teaserPointer(l, content[i + 1], content[i + 2], byLine, jumpOnly) ?? (inDigest ? summarisedEntry(content, i, byLine, jumpOnly) : undefined);
    if (teaser !== undefined) {
      const last = inDigest && teaser.last === l.n ? summaryEnd(content, i, byLine) : teaser.last;
      blocks.push({ type: 'teaser', title: l, titleEnd: teaser.titleEnd, last, lead: teaserLead(blocks) });
      while (i + 1 < content.length && content[i + 1].n <= last) i++;
      continue;
    }
    if (kind === 'signing-date') {
      blocks.push({ type: 'signature', lines: [...signatoryLines(blocks), l] });
      continue;
    }
    const prev = blocks[blocks.length - 1];
    // A brief titled in brackets is text, its dateline after the title (`【…】本报讯（记者…`).
    const title = kind === 'text' || kind === 'dateline' ? inlineTitle(l) : undefined;
    // A brief's dateline runs on from its title's line (`【…】据` / `新华社电 …`): it is that brief's text.
    if (kind === 'dateline' && !title && !(prev?.type === 'text' && prev.title)) blocks.push({ type: 'dateline', line: l });
    else if (kind === 'byline' || placesByline(l, prev)) blocks.push({ type: 'byline', line: l });
    else if (kind === 'source') blocks.push({ type: 'source', line: l });
    else {
      const from = byLine.firstOn(l.n, 'from');
      const startsWithFrom = from !== undefined && from.range.start.character <= l.indent;
      const atEnd = byLine.atEnd(l);
      const fromAt = atEnd?.direction === 'from' && !startsWithFrom ? atEnd.range.start.character : undefined;
      blocks.push({ type: 'text', line: l, endsWithJump: atEnd?.direction === 'to', startsWithFrom, fromAt, signsOff: signsOff(l, prev), title });
    }
  }
  return groupStacks(blocks);
}

/**
 * A title in brackets with the text running on after it on its line: `【印尼一火山喷发】据新华社电…`,
 * how a column of briefs titles each. A label inside an article (`【编者按】`, `【相关链接】`,
 * `【法官说法】`) is shorter, or ends in a label's word.
 */
const INLINE_TITLE = /^[【〖]([^【】〖〗]{5,30})[】〗](?=\S)/;
const LABEL_WORD = /(?:按|话|语|说法|链接|手记|观点|回顾|提示|阅读|点评|背景|案情|档案|名片|解读|资料|声音|数据)$/;

/**
 * The text after a brief's inline title, as a line of its own at the same columns: what is asked
 * whether a dateline opens it (`【…】本报讯（记者` / `苗青）…`).
 */
export function afterTitle(l: PageLine, title: { readonly end: number }): PageLine {
  const at = title.end + 1;
  const rest = l.raw.slice(at);
  const indent = at + rest.length - rest.trimStart().length;
  return pageLine(l.n, ' '.repeat(at) + rest, l.flat.slice(l.flat.search(/[】〗]/) + 1), false, l.width, indent);
}

function inlineTitle(l: PageLine): { start: number; end: number } | undefined {
  const c = l.flat.charCodeAt(0);
  if (c !== 0x3010 && c !== 0x3016) return undefined;
  const m = INLINE_TITLE.exec(l.flat);
  if (!m || LABEL_WORD.test(m[1])) return undefined;
  const close = l.raw.indexOf(l.raw.includes('】') ? '】' : '〗', l.indent);
  return { start: l.indent + 1, end: close };
}

/**
 * The place an English byline's reporters file from, set under their names (`By ZHAO YING and
 * LIU MENG` / `in Xiling, Heyang`) or their agency (`Associated Press`), or the writer's e-mail
 * address under a byline, or the names of a byline broken after a role word: part of the byline,
 * not the body's first line.
 */
function placesByline(l: PageLine, prev: Block | undefined): boolean {
  if (prev?.type !== 'byline') return false;
  if (continuesByline(prev.line, l)) return true;
  return (isEnglishByline(prev.line.flat) && (isEnglishBylinePlace(l.flat) || NEWS_AGENCY.test(l.flat))) || WRITER_EMAIL.test(l.flat);
}

/** The agency a byline's reporters write for, on the line under their names: `Associated Press`. */
const NEWS_AGENCY = /^(?:The )?(?:Associated Press|Reuters|Agence France-Presse|AFP|Bloomberg(?: News)?|Xinhua(?: News Agency)?)$/;

/** The writer's address printed under a byline: `qiujiahao@lanjiangdaily.cn`. */
const WRITER_EMAIL = /^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$/;

/** The most lines a notice's signatories take above its date. */
const MAX_SIGNATORY_LINES = 3;

/**
 * The signatories above a signing date: the short lines standing right before it (`吕梁市交通运输局`),
 * taken off the end of `blocks`. Without this they would read as a headline stack.
 */
function signatoryLines(blocks: Block[]): PageLine[] {
  const lines: PageLine[] = [];
  while (lines.length < MAX_SIGNATORY_LINES) {
    const b = blocks[blocks.length - 1];
    if (b?.type !== 'text' || b.endsWithJump || !isHeadingLike(b.line)) break;
    lines.unshift(b.line);
    blocks.pop();
  }
  return lines;
}

/**
 * A title followed by a `see` pointer, on its line or on the line after it (or after its
 * subtitle: `让绿色成为…` / `——访市生态环境局局长张卫东` / `（详见第5版）`): where the title ends
 * on its line, and the pointer's last line.
 */
function teaserPointer(
  l: PageLine,
  below: PageLine | undefined,
  belowThat: PageLine | undefined,
  jumps: JumpsByLine,
  jumpOnly: ReadonlySet<number>,
): { titleEnd: number; last: number } | undefined {
  const own = jumps.firstOn(l.n, 'see', 1);
  if (own) {
    // The title alone, measured in characters: a line of its own, not the whole line's answers.
    const titleEnd = own.range.start.character;
    const flat = l.raw.slice(0, titleEnd).trim();
    const title = pageLine(l.n, l.raw, flat, l.blank, flat.length, l.indent);
    // A pointer after it makes a question a title too: `…的约定有效吗？▶第6版`, `…真能赚钱吗？警方详解…（见第7版）`.
    return pointedTitle(title) ? { titleEnd, last: own.range.end.line } : undefined;
  }
  const next = below !== undefined && isSubtitle(below.flat) && !isSubtitle(l.flat) ? belowThat : below;
  if (!next || !jumpOnly.has(next.n) || !pointedTitle(l)) return undefined;
  const pointer = jumps.firstOn(next.n, 'see');
  return pointer && { titleEnd: l.raw.length, last: pointer.range.end.line };
}

/** The most lines a digest entry's summary takes. */
const MAX_SUMMARY_LINES = 4;

/** A digest is open: the last block is its label (`今日导读`) or one of its entries. */
function digestGoesOn(blocks: readonly Block[]): boolean {
  const last = blocks[blocks.length - 1];
  return last?.type === 'teaser' || (last?.type === 'furniture' && isDigestLabel(last.line.flat));
}

/** A line that holds a `see` pointer, or ends with one. */
function pointsOn(l: PageLine, jumps: JumpsByLine): boolean {
  return jumps.firstOn(l.n, 'see') !== undefined;
}

/**
 * A digest entry whose pointer follows its summary: `老旧电梯“带病”运行谁来管` / `锦湖苑小区…` /
 * `…新电梯预计下月安装。` / `（详见A8版）`, or `…还备有防暑药品。▶A5` at the summary's end.
 */
function summarisedEntry(content: readonly PageLine[], i: number, jumps: JumpsByLine, jumpOnly: ReadonlySet<number>): { titleEnd: number; last: number } | undefined {
  const title = content[i];
  if (!pointedTitle(title)) return undefined;
  for (let k = i + 1; k < content.length && k <= i + MAX_SUMMARY_LINES + 1; k++) {
    const l = content[k];
    if (pointsOn(l, jumps)) {
      const onItsOwn = jumpOnly.has(l.n);
      // The pointer ends the summary: alone on its line, or at the end of the summary's last.
      const pointer = jumps.atEnd(l);
      if (!onItsOwn && pointer?.direction !== 'see') return undefined;
      // Right under the title, a pointer alone or after a line of no sentence belongs to a title
      // in two lines (`汐州星火3比1逆转江东海港` / `提前两轮锁定冲甲席位 ▶A9`), read as such above.
      if (k === i + 1 && (onItsOwn || !endsSentence(l.raw.slice(0, pointer!.range.start.character)))) return undefined;
      return { titleEnd: title.raw.trimEnd().length, last: l.n };
    }
    // A summary ended with no pointer after it: not this kind of entry.
    if (lineEndsSentence(l) && !(content[k + 1] && jumpOnly.has(content[k + 1].n))) return undefined;
  }
  return undefined;
}

/**
 * The last line of the summary under a digest title that carries its pointer (`年报季收官 … ▶B2`
 * / `本地上市公司…` / `…拟大比例分红。`): the lines down to the first full stop, when none of them
 * points anywhere itself. Without one, the title is the entry.
 */
function summaryEnd(content: readonly PageLine[], i: number, jumps: JumpsByLine): number {
  for (let k = i + 1; k < content.length && k <= i + MAX_SUMMARY_LINES; k++) {
    const l = content[k];
    if (pointsOn(l, jumps) || lineKind(l) !== 'text') break;
    if (lineEndsSentence(l)) return l.n;
  }
  return content[i].n;
}

/**
 * In a digest (after its label or another entry), a headline-like line right above an entry's
 * title is the title's first line: `汐州星火3比1逆转江东海港` / `提前两轮锁定冲甲席位 ▶A9`. It is
 * taken off the end of `blocks`.
 */
function teaserLead(blocks: Block[]): PageLine | null {
  const [before, last] = blocks.slice(-2);
  if (last?.type !== 'text' || last.endsWithJump || !isHeadingLike(last.line)) return null;
  if (before?.type !== 'teaser' && !(before?.type === 'furniture' && isBoxLabel(before.line.flat))) return null;
  blocks.pop();
  return last.line;
}

/** A title put as a question: no stop inside (HAS_QUESTION asks for its question mark). */
const QUESTION_TITLE = /^[^。！!；;]{4,40}$/;
const HAS_QUESTION = /[？?]/;

/** A section's label before a digest title: `CITY WEEKLY | Dragon boats return to Linwan Creek`. */
const TITLE_LABEL = /^(?:[A-Z][A-Z ]{1,20}|[\u4e00-\u9fff]{2,6})\s*[|｜]\s*/;

/** A line a digest's pointer makes a title: shaped like a headline, a question, or an English head. */
function pointedTitle(l: PageLine): boolean {
  return isHeadingLike(l) || (HAS_QUESTION.test(l.flat) && QUESTION_TITLE.test(l.flat)) || isEnglishHeadShape(l.flat.replace(TITLE_LABEL, ''));
}

/** True when running text before this block has come to the end of a paragraph. */
function endsParagraph(b: Block | undefined): boolean {
  if (!b) return true;
  switch (b.type) {
    case 'text':
      return b.endsWithJump || closesParagraph(b.line);
    case 'dateline':
      return false;
    case 'stack':
      // An inner candidate may be a paragraph's first line: what follows it is not a new paragraph.
      return !b.inner;
    default:
      return true;
  }
}

/** The line ends what it closes: a sentence, a record, or a bracketed aside. */
function closesParagraph(l: PageLine): boolean {
  return (l.endsParagraph ??= lineEndsSentence(l) || isRecordLine(l.flat) || isBracketedAside(l.flat));
}

/** The most lines a headline candidate inside running text may take. */
const MAX_INNER_LINES = 2;

/**
 * A run of headline-like lines followed by running text is partly that text's first lines.
 * Its first line heads it; a further line (up to `max`) joins it when it is clearly shorter
 * than the lines below it (a headline in two lines), not the start of the text. A column's
 * label (`消费提示`) takes the line under it as its headline when that line stands short of the
 * text too; over running text the label is the headline itself (`热线问答` / `读者胡先生问：…`).
 */
const HAS_CLAUSE = /[，,、；;：:]/;
/** A quotation left open runs on into the next line: no headline ends so. */
const OPENS_QUOTE = /“[^”]*$/;
/** Two phrases set apart and nothing else: no subject named before a colon (`交城：…`). */
const parallelKicker = (l: PageLine): boolean => setsPhrasesApart(l.raw) && !HAS_CLAUSE.test(l.flat);

function shortLines(run: readonly StackLine[], max: number, after?: Block): StackLine[] {
  // A further line is weighed against the run's lines below it; a label's headline against the
  // text under the run too (weighing every line against that text cut two-line headlines in two).
  const runBelow = (k: number): number => Math.max(...run.slice(k + 1).map((s) => s.line.width), 0);
  const lines = [run[0]];
  if (run[0].role === 'kicker') {
    const textBelow = Math.max(runBelow(1), after?.type === 'text' ? after.line.width : 0);
    if (run[1]?.role !== 'headline' || !clearlyShorter(run[1].line.width, textBelow)) return [{ line: run[0].line, role: 'headline' }];
    lines.push(run[1]);
  } else if (parallelKicker(run[0].line) && run[1]?.role === 'headline' && !HAS_CLAUSE.test(run[1].line.flat) && !setsPhrasesApart(run[1].line.raw) && !OPENS_QUOTE.test(run[1].line.flat)) {
    // A kicker of two phrases set apart (`比学赶超看项目 凝心聚力促发展`) stands over its headline,
    // which may be as long as the text: a first line of running text reads as a clause.
    lines.push(run[1]);
  }
  for (let k = lines.length; k < run.length && lines.length < max; k++) {
    if (run[k].role !== 'headline') break;
    if (!clearlyShorter(run[k].line.width, runBelow(k))) break;
    lines.push(run[k]);
  }
  return lines;
}

// Patterns asked of every line are module constants: a regex literal makes a new object each run.
const COLUMN_TAG = /^[【〖][^【】〖〗]{2,16}[】〗]$/;
/** A brief's title in square brackets, alone on its line: longer than a part's label (`【案情】`). */
const BRACKET_TITLE = /^[【〖][^【】〖〗]{7,30}[】〗]$/;
/** A column tag set over a headline: `【春耕时节】`, or the name of an opinion column. */
export function isColumnTag(flat: string): boolean {
  return COLUMN_TAG.test(flat) || OPINION_COLUMN.test(flat);
}

/**
 * The names of opinion and service columns, set alone over a piece's headline: `短评`,
 * `教育时评`, `金融课堂`, `警方提示`, `记者帮办`. Such a label opens a piece of its own; it never stands
 * inside running text.
 */
const OPINION_COLUMN = /^[\u4e00-\u9fff]{0,2}(?:短评|时评|快评|微评|锐评|热评|社论|来论|新论|言论|杂谈|漫谈|随笔|论坛|观察|评论|课堂|提示|说法|释法|服务|来信|帮办|问答|答疑)$|^编后语?$/;

function opensOpinionColumn(run: readonly StackLine[]): boolean {
  return run[0].role === 'kicker' && (OPINION_COLUMN.test(run[0].line.flat) || REPORTER_NOTE.test(run[0].line.flat));
}

/** A column label is a short line: asked of every line that could start a stack. */
const MAX_LABEL_CHARS = 6;

/** Block i is a column's label: an opinion or service column's, or the reporter's note over a title. */
function isLabel(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  if (b.type !== 'text' || b.line.flat.length > MAX_LABEL_CHARS) return false;
  return OPINION_COLUMN.test(b.line.flat) || (REPORTER_NOTE.test(b.line.flat) && titleUnder(blocks, i));
}

/** How a letter greets its reader: `编辑同志：`, `尊敬的用户：`. */
const GREETING = /^(?:[\u4e00-\u9fff]{0,8}(?:同志|先生|女士|朋友|领导|读者)们?|尊敬的[^：:]{1,12}|亲爱的[^：:]{1,12})[：:]$/;
/** Asked of every line that could head a stack: only one ending in a colon pays for the pattern. */
const greets = (flat: string): boolean => (flat.endsWith('：') || flat.endsWith(':')) && GREETING.test(flat);

/** The reporter's own note after a story: `记者手记`, `采访手记`. */
const REPORTER_NOTE = /^[\u4e00-\u9fff]{0,2}手记$/;

/** A title stands under block i: a headline-like line clearly shorter than the text under it. */
function titleUnder(blocks: readonly Block[], i: number): boolean {
  const title = blocks[i + 1];
  const text = blocks[i + 2];
  return title?.type === 'text' && text?.type === 'text' && headlineLike(blocks, i + 1) && clearlyShorter(title.line.width, text.line.width);
}

const RECORD_LINE = /^[\u4e00-\u9fff]{1,8}[：:]\s*[\w\-@.（）()]+$/;
/** A labelled record, complete without punctuation: `联系电话：0358-8227820`, `邮编：033000`. */
function isRecordLine(flat: string): boolean {
  return RECORD_LINE.test(flat);
}

const FIRST_ENTRY = /^(?:一、|[（(]一[）)])/;
/** The first entry of a numbered sequence (`一、`, `（一）`) opens a new part of the page. */
function opensSequence(b: Block | undefined): boolean {
  return b?.type === 'text' && FIRST_ENTRY.test(b.line.flat);
}

/** `1、`, `2.`: a list's number, not a decimal figure (`1.5万名跑者`). */
const LIST_NUMBER = /^\d{1,2}(?:、|[.．](?!\d))/;
/** Numbered lines (`一、`, `1、`) open sections and list entries, never continue a headline. */
function isNumbered(flat: string): boolean {
  return sectionNumbering(flat) !== null || LIST_NUMBER.test(flat);
}

/** A record's last character: a figure or a letter. */
const ENDS_IN_FIGURE = /[0-9A-Za-z]$/;
/**
 * A line of figures (`联系电话：0358-8227820`) ends a record without punctuation; a headline may
 * follow it when the headline in turn is closed by a hard boundary.
 */
function endsRecord(prev: Block | undefined, blocks: readonly Block[], i: number): boolean {
  if (prev?.type !== 'text' || !ENDS_IN_FIGURE.test(prev.line.flat)) return false;
  let j = i;
  while (j < blocks.length && blocks[j].type === 'text' && isHeadingLike((blocks[j] as { line: PageLine }).line) && j - i < MAX_HEADLINE_LINES) j++;
  return isHardBoundary(blocks[j]);
}

/** Who the author is, on a line of its own after the text: `（作者系云岭正衡律师事务所律师）`. */
const AUTHOR_NOTE_LINE = /^[（(]作者[^（）()]{2,40}[）)]$/;

/**
 * A line that signs an article off: its author or source in brackets after the last sentence
 * (`…焕然一新。（通讯员 任 娟）`, `…违法行为。（据新华社）`), on the line or wrapped onto it from
 * the line before (`…服务。（通讯员 郭晋` / `宋佳）`); the author's note on a line of its own; a
 * reader's signature under a letter (`鹭川市读者 柴秀芝`).
 */
function signsOff(l: PageLine, before: Block | undefined): boolean {
  if (readerSignature(l) !== null) return true;
  if (!endsWithCloser(l.flat)) return false;
  if (trailingAuthor(l.raw) !== null || trailingSource(l.raw) !== null || AUTHOR_NOTE_LINE.test(l.flat)) return true;
  if (before?.type !== 'text') return false;
  return wrappedAside(before.line, l) !== null || (isBracketedByline(l) && lineEndsSentence(before.line));
}

/**
 * Blocks after which a headline stack cannot be a section head of running text: a dateline, a
 * continuation's `（上接1版）` / `Continued from Page A1`, or anything that is not running text.
 */
function isHardBoundary(b: Block | undefined): boolean {
  if (b === undefined) return true;
  switch (b.type) {
    case 'dateline':
    case 'photo':
    case 'teaser':
    case 'furniture':
    case 'stack':
      return true;
    case 'jump':
      return b.direction === 'from';
    case 'text':
      // A column's label, or a continuation's headline, opens a piece of its own: what stands before it is closed.
      return b.startsWithFrom === true || b.fromAt !== undefined || OPINION_COLUMN.test(b.line.flat);
    default:
      return false;
  }
}

/**
 * A kicker (引题) over the headline:
 * - a first line that sets two parallel phrases apart (`抢抓农时 颗粒归仓` / `全市86.5万亩小麦
 *   收获过九成`) over a headline line that does not;
 * - of a two-line stack, a first line complete in itself that is clearly shorter than the line
 *   under it (`网恋需谨慎` / `冒充“军官”行骗 男子获刑六年`), or that stands over a headline naming
 *   its subject first (`一株连翘“黄”了一方产业` / `方山：小药材撑起致富大产业`), or that names
 *   what the headline looks into (`聚焦“高效办成一件事”` / `企业开办最快半天办结`).
 * A headline in two lines runs on from its first line instead, and its lines are about as long.
 */
export function withKicker(lines: readonly StackLine[]): StackLine[] {
  const [first, second] = lines;
  if (first?.role !== 'headline' || second?.role !== 'headline') return [...lines];
  // Two lines that each set phrases apart are a kicker and the headline: a headline in two lines runs on.
  const parallel = setsPhrasesApart(first.line.raw) && (!setsPhrasesApart(second.line.raw) || lines[2]?.role !== 'headline');
  if (!parallel && !(lines[2]?.role !== 'headline' && shortLead(first.line, second.line))) return [...lines];
  return [{ line: first.line, role: 'kicker' }, ...lines.slice(1)];
}

/** A kicker is at most this share of the headline's width. */
const KICKER_SHARE = 0.7;
/** A headline that names its subject first: `方山：小药材撑起致富大产业`. */
const SUBJECT_FIRST = /^[^，。：:“”]{2,8}[：:]\S/;
/**
 * A first line that names an organisation or a place is the subject of the line under it
 * (`柳林农商银行` / `开展金融消保知识宣传活动`), not a kicker.
 */
const NAMES_SUBJECT = /(?:[局委厅办院所站队省市县区镇乡村]|中心|协会|学会|公司|银行|集团|政府|大学|学校|医院|街道|社区)$/;
/** A line that runs on into the next: it ends where a phrase cannot, */
const RUNS_ON = /[：:，、“‘《（(—]$/;
/** or the next line opens with what closes a phrase. */
const CLOSES = /^[”’》）)、，。！？]/;

/** A kicker naming what the headline under it looks into: `聚焦“高效办成一件事”`, `走进乡村振兴一线`. */
const FOCUS_LEAD = /^(?:聚焦|关注|直击|走进|探访|追踪|透视|解码|见证|喜迎|献礼)/;

function shortLead(first: PageLine, second: PageLine): boolean {
  if (RUNS_ON.test(first.flat) || CLOSES.test(second.flat) || NAMES_SUBJECT.test(first.flat)) return false;
  return first.width <= KICKER_SHARE * second.width || FOCUS_LEAD.test(first.flat) || (SUBJECT_FIRST.test(second.flat) && !/[：:]/.test(first.flat));
}

/** An author's name alone on its line: a two-character name padded to three (`冼 明`), or a name of up to three. */
const PADDED_NAME = /^[\u4e00-\u9fff][ \u3000][\u4e00-\u9fff]$/;
const BARE_NAME = /^[\u4e00-\u9fff]{2,3}$/;

/**
 * An essay's author, named alone on the line under its headline (`以新质生产力赋能县域高质量发展`
 * / `韦知行`), over its text: the stack's byline, not a line of the headline. A name padded to
 * three characters says so alone; an unpadded one (a headline's last line may be as short,
 * `播种忙`) only over a paragraph set in with an indent, as an essay's are, or set as one line.
 */
function signsUnder(run: readonly StackLine[], l: PageLine, below: Block | undefined): boolean {
  if (!run.some((s) => s.role === 'headline') || below?.type !== 'text' || !clearlyShorter(l.width, below.line.width)) return false;
  const name = l.raw.trim();
  return PADDED_NAME.test(name) || (BARE_NAME.test(name) && (below.line.indent > l.indent || below.line.width > ONE_LINE_PARAGRAPH));
}

/** Wider than any headline: a paragraph set as one line (layout exports). */
const ONE_LINE_PARAGRAPH = 40;

/** The role of a line in the stack `run` is gathering. */
function stackRole(flat: string, run: readonly StackLine[]): StackLineRole {
  if (isSubtitle(flat)) return 'subtitle';
  if (isColumnTag(flat)) return 'kicker';
  return isEnglishDeck(flat) && run.some((s) => s.role === 'headline') ? 'subtitle' : 'headline';
}

/**
 * Block i could be a headline line: heading-like on its own, or by its place in an English story.
 * A line a jump begins (`（上接1版）在此基础上…`) is a continuation's first line, however short.
 */
function headlineLike(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  // A line that signs a text off (`鹭川市读者 柴秀芝`) or greets its reader (`编辑同志：`) heads nothing.
  if (b.type !== 'text' || b.endsWithJump || b.startsWithFrom || b.title || b.signsOff === true || greets(b.line.flat)) return false;
  if (isHeadingLike(b.line) || headsEnglishStory(blocks, i) || questionHead(blocks, i)) return true;
  // A question's subtitle under it, or its first line running on into it (`…登记在子女名下，` / `离婚时能要回吗？`).
  return (isSubtitle(b.line.flat) && questionHead(blocks, i - 1)) || (RUNS_INTO_QUESTION.test(b.line.flat) && questionHead(blocks, i + 1));
}

/** A question's first line, set apart at a comma. */
const RUNS_INTO_QUESTION = /^[^。！!；;？?]{4,30}[，,]$/;

/**
 * A headline put as a question (`“刷单返利”真能赚钱吗？`), known by what stands under it: a
 * subtitle (`——澜江警方详解…`) or a byline (`□ 祁明川`). A question in running text has neither.
 */
function questionHead(blocks: readonly Block[], i: number): boolean {
  const b = blocks[i];
  if (b?.type !== 'text' || !HAS_QUESTION.test(b.line.flat) || !QUESTION_TITLE.test(b.line.flat) || !QUESTION_END.test(b.line.flat)) return false;
  const next = blocks[i + 1];
  return next?.type === 'byline' || (next?.type === 'text' && isSubtitle(next.line.flat));
}

/** A question ends the line, a closing quote or bracket aside. */
const QUESTION_END = /[？?][”’」）)]?$/;

/** How many lines an English head and its deck take above the byline or dateline under them. */
const ENGLISH_HEAD_LINES = 3;

/**
 * An English head in sentence case (`Storm knocks out power to thousands`), or its deck: lines
 * shaped like a head right above a `By …` byline or an English dateline (`BOSTON (AP) —`).
 */
function headsEnglishStory(blocks: readonly Block[], i: number): boolean {
  for (let j = i; j < i + ENGLISH_HEAD_LINES; j++) {
    const b = blocks[j];
    if (b?.type !== 'text' || b.endsWithJump || !isEnglishHeadShape(b.line.flat)) return false;
    const next = blocks[j + 1];
    if (next?.type === 'byline' && isEnglishByline(next.line.flat)) return true;
    // A continuation's head, repeated over its `Continued from Page 1`.
    if (next?.type === 'jump' && next.direction === 'from') return true;
    if (next?.type === 'dateline' && isLatinCapital(next.line.flat.charCodeAt(0))) return true;
  }
  return false;
}

/** A headline stack holds at most this many headline lines; a longer run is running text. */
const MAX_HEADLINE_LINES = 4;
/** A stack with its kicker, subtitle and byline lines holds at most this many lines. */
const MAX_STACK_LINES = 8;

/**
 * Gathers runs of headline-like lines (with a subtitle and byline beside them) into stacks.
 * A run must start where a paragraph has ended; otherwise the line is only the unpunctuated
 * end of a wrapped sentence. A run followed by running text is mostly that text's first
 * lines, so only its first line is kept, as an inner candidate the segmenter weighs.
 */
function groupStacks(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const startsRun = headlineLike(blocks, i) || b.type === 'byline';
    const prev = out[out.length - 1];
    // A column's label opens a piece wherever it stands: it is never running text's. So do a
    // continuation's headline with its jump after it, and a title in square brackets alone on its
    // line (`【澄阳国际半程马拉松9月开跑】`).
    const label = startsRun && (isLabel(blocks, i) || (b.type === 'text' && (b.fromAt !== undefined || BRACKET_TITLE.test(b.line.flat))));
    if (!startsRun || !(label || endsParagraph(prev) || endsRecord(prev, blocks, i) || (prev?.type === 'text' && prev.signsOff === true))) {
      out.push(b);
      continue;
    }
    const run: StackLine[] = [];
    let j = i;
    // A run longer than any stack is running text; looking further would only cost time.
    for (; j < blocks.length && run.length <= MAX_STACK_LINES; j++) {
      const x = blocks[j];
      const afterByline = run.length > 0 && run[run.length - 1].role === 'byline' && run.some((s) => s.role === 'headline');
      if (x.type === 'byline') run.push({ line: x.line, role: 'byline' });
      else if (x.type === 'text' && x.fromAt !== undefined && run.length > 0) break;
      // A byline closes the stack it follows; numbered lines open sections, never continue a headline.
      else if (x.type === 'text' && headlineLike(blocks, j) && !afterByline && !(run.length > 0 && (isNumbered(x.line.flat) || OPINION_COLUMN.test(x.line.flat)))) {
        // A continuation's headline with its `（上接第1版）` after it: the headline is the words before it.
        const span = x.fromAt !== undefined && run.length === 0 ? { start: x.line.indent, end: x.fromAt } : undefined;
        if (span) run.push({ line: x.line, role: 'headline', span });
        else if (signsUnder(run, x.line, blocks[j + 1])) {
          run.push({ line: x.line, role: 'byline' });
          j++;
          break;
        } else run.push({ line: x.line, role: stackRole(x.line.flat, run) });
      } else break;
    }
    // `记者手记` over a title is that piece's kicker; over running text it heads a section.
    if (label && REPORTER_NOTE.test(run[0].line.flat)) run[0] = { line: run[0].line, role: 'kicker' };
    const heads = run.filter((s) => s.role === 'headline').length;
    // A listed company's code line ends the text above it: its notice's title follows.
    const textEnded =
      prev !== undefined &&
      (prev.type === 'source' ||
        prev.type === 'signature' ||
        (prev.type === 'furniture' && isStockCodeLine(prev.line.flat)) ||
        (prev.type === 'jump' && prev.direction === 'to') ||
        (prev.type === 'text' && (prev.endsWithJump || prev.signsOff === true)));
    const after = blocks[j];
    // A greeting under a stack (`编辑同志：`) opens a letter: the whole stack is its title.
    // A continuation's headline (`…突破九成（上接第1版）`) ends at its jump: its text follows.
    const bounded =
      run[0].span !== undefined ||
      isHardBoundary(after) ||
      (after?.type === 'text' && greets(after.line.flat)) ||
      (opensSequence(after) && !isNumbered(run[0].line.flat)) ||
      run.some((s) => s.role !== 'headline' && s.role !== 'kicker');
    // A column's label opens a stack whatever follows; the text under it may have joined the run.
    const labelled = !bounded && (opensOpinionColumn(run) || BRACKET_TITLE.test(run[0].line.flat));
    if (run.length <= MAX_STACK_LINES && (bounded || textEnded || labelled) && heads > 0 && heads <= MAX_HEADLINE_LINES) {
      // Closed only because the text before it has ended or a column's label opens it: running
      // text follows, and its first lines may have joined the run. The headline keeps the lines
      // clearly short of that text.
      const lines = withKicker(bounded ? run : shortLines(run, MAX_HEADLINE_LINES, after));
      out.push({ type: 'stack', lines, inner: false });
      i += lines.length - 1;
    } else if (b.type === 'text' && run[0].role === 'headline') {
      const lines = shortLines(run, MAX_INNER_LINES);
      out.push({ type: 'stack', lines, inner: true });
      i += lines.length - 1;
    } else {
      out.push(b);
    }
  }
  return out;
}
