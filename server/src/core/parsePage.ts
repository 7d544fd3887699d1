/**
 * Parses one page of newspaper text into the typed model: items (articles, notices, photo
 * stories, teasers) with their headline stacks, people, sections and repaired paragraphs;
 * photos; jump lines; figures and dates. Text in, model out: no I/O.
 */
import type { Item, ItemKind, Page, Person, Photo, Range } from './model';
import type { PageLine } from './lines';
import type { PhotoBlock } from './photos';
import type { StackLine } from './blocks';
import { LIST_MARK, LineIndex, collapseCjkSpaces, isSpaced, range } from './text';
import { readLines } from './lines';
import { findJumps, parsePageRef } from './jumps';
import { findPhotoBlocks, findCredit } from './photos';
import { buildBlocks } from './blocks';
import { type Draft, type Orientation, isPhotoStory } from './draft';
import { readOrder } from './orientation';
import { segment } from './segment';
import { splitHidden } from './hiddenHeadlines';
import { ItemReuse, type ItemsMade } from './itemReuse';
import { readCreditPeople, readEnglishByline, readEnglishCredit, readPeople, readWireCredits, withRange } from './people';
import { findSections } from './sections';
import { readDateline } from './dateline';
import { buildParagraphs, joinWrapped } from './paragraphs';
import { pageIdFromFileName } from './pageId';
import { findFigures } from './figures';
import { AUTHOR_NOTE, NOTICE_TITLE, SOURCE_WORD, continuesByline, datedEditors, headerEditorsAt, isEnglishByline, isEnglishBylinePlace, isSubtitle, lineKind, readerSignature, trailingAuthor, trailingSource, wrappedAside } from './classify';
import { headerDate } from './pageHeader';


/** A parsed page with the text measures the language features reuse. */
export interface ParsedDocument {
  readonly page: Page;
  readonly index: LineIndex;
  readonly lines: readonly PageLine[];
  /** What the next version's parse may take over. */
  readonly made: ItemsMade;
}

export function parsePage(text: string, uri: string): Page {
  return parseDocument(text, uri).page;
}

/** A first parse keeps nothing for the next. */
const NOTHING_MADE: ItemsMade = new Map();

/**
 * Parses a page. Given the page's model from an earlier parse of the same text, only the line
 * measures are made again. Given the parse of an earlier version, each line that is unchanged
 * (same number, same text) is taken over with what was found of it, and so are the items made
 * from unchanged lines alone. Only a parse given an earlier version keeps what the next may take
 * over: keeping it costs a first parse (a page opened, a file indexed) a seventh of its time.
 */
export function parseDocument(text: string, uri: string, known?: Page, previous?: ParsedDocument): ParsedDocument {
  return parse(text, uri, known, previous, 'full');
}

/**
 * What a workspace index keeps of a page: ids, jumps, headlines and all ranges, photos without
 * their people, and the first paragraph of an untitled item (it is named by its first words).
 * People, sections, other paragraphs, figures and dates are only read by the page's own
 * features, which parse it in full when it is opened; leaving them out saves a sixth of a parse.
 */
export function parseSummary(text: string, uri: string): Page {
  return parse(text, uri, undefined, undefined, 'summary').page;
}

/** How much of a page a parse reads (see parseSummary). */
type Depth = 'full' | 'summary';

function parse(text: string, uri: string, known: Page | undefined, previous: ParsedDocument | undefined, depth: Depth): ParsedDocument {
  const index = new LineIndex(text);
  const lines = readLines(index, previous?.lines);
  if (known) return { page: known, index, lines, made: NOTHING_MADE };
  const jumps = findJumps(index);
  const photoBlocks = findPhotoBlocks(lines, jumps);
  const blocks = buildBlocks(lines, jumps, photoBlocks);
  const order = readOrder(blocks);
  const orient = order.orient;
  const credits = creditLines(photoBlocks);
  const { items, made } = makeItems(segment(blocks, order), orient, lines, index, credits, depth, previous);

  let header: Page['furniture']['header'] = null;
  let date: Page['furniture']['date'] = null;
  const editors: Person[] = [];
  for (const b of blocks) {
    if (b.type !== 'furniture') continue;
    if (b.pageId !== undefined && !header) header = { text: b.line.raw.trim(), range: lineRange(b.line) };
    const dated = datedEditors(b.line.raw);
    // A dated editors' line gives its date's own range; a header, the line's.
    const printed: string | null = date || dated ? null : headerDate(b.line);
    if (printed !== null) date = { text: printed, range: lineRange(b.line) };
    const editorLine = lineKind(b.line) === 'editor';
    if (editorLine) editors.push(...withRange(readPeople(b.line.raw, 'editor'), lineRange(b.line), index));
    // A page header may end with the page's editors: `第6版 速览 … 责任编辑：邵婉婷`.
    const editorsAt = dated ? dated.editorsAt : editorLine ? -1 : headerEditorsAt(b.line.raw);
    if (dated) date ??= { text: dated.date, range: range(b.line.n, dated.dateStart, b.line.n, dated.dateStart + dated.date.length) };
    if (editorsAt > 0 && (dated || b.pageId !== undefined || headerDate(b.line) !== null)) {
      editors.push(...withRange(readPeople(b.line.raw.slice(editorsAt), 'editor'), lineRange(b.line), index));
    }
  }
  const headerId = blocks.find((b) => b.type === 'furniture' && b.pageId !== undefined);
  const fromHeader = headerId?.type === 'furniture' && headerId.pageId !== undefined ? parsePageRef(headerId.pageId) : null;
  const fromName = fromHeader === null ? pageIdFromFileName(uri) : null;

  let found: ReturnType<typeof findFigures> | undefined;
  const figuresOf = (): ReturnType<typeof findFigures> => (found ??= findFigures(index));
  const photos = photoBlocks.map((p) => toPhoto(p, lines, index, credits.get(p) ?? p.last, depth));
  const id = fromHeader ?? fromName;
  const idSource = fromHeader !== null ? 'header' : fromName !== null ? 'file-name' : null;
  if (depth === 'summary') {
    const page: Page = { uri, id, idSource, furniture: { header, date, editors }, items, photos, jumps, figures: [], dates: [], lineCount: index.lineCount };
    return { page, index, lines, made: NOTHING_MADE };
  }
  const page: Page = {
    uri,
    id,
    idSource,
    furniture: { header, date, editors },
    items,
    photos,
    jumps,
    // Only hover and the parse result read figures and dates: they are found on first use, so
    // an outline after each keystroke does not pay for them.
    get figures() {
      return figuresOf().figures;
    },
    get dates() {
      return figuresOf().dates;
    },
    lineCount: index.lineCount,
  };
  return { page, index, lines, made };
}

/**
 * The items of the drafts, taken over from the version before where they can be. A function of
 * its own: the closures of `parse` stay with the page (its figures are found on first read),
 * and one that held the version before would keep every earlier version alive.
 */
function makeItems(
  drafts: readonly Draft[],
  orient: Orientation,
  lines: readonly PageLine[],
  index: LineIndex,
  credits: ReadonlyMap<PhotoBlock, number>,
  depth: Depth,
  previous: ParsedDocument | undefined,
): { items: Item[]; made: ItemsMade } {
  const make = (d: Draft): Item[] => splitHidden(d, orient).map((piece) => toItem(piece, lines, index, credits, depth));
  if (!previous) return { items: drafts.flatMap(make), made: NOTHING_MADE };
  const reuse = new ItemReuse(previous, lines.length);
  return { items: drafts.flatMap((d) => reuse.itemsOf(d, orient, lines, credits, () => make(d))), made: reuse.made };
}

function lineRange(l: PageLine): Range {
  return range(l.n, l.indent, l.n, l.raw.trimEnd().length);
}

function spanRange(first: PageLine, last: PageLine): Range {
  return range(first.n, first.indent, last.n, last.raw.trimEnd().length);
}

/**
 * A headline line as a reader sees it: justification spaces go, but the space a headline sets
 * between its two phrases (`以人民为中心 让老百姓过上幸福生活`) stays.
 */
function readable(raw: string): string {
  return isSpaced(raw) ? collapseCjkSpaces(raw.trim()) : raw.trim().replace(/\s+/g, ' ');
}

function stackPart(stack: readonly StackLine[] | null, role: StackLine['role']): { text: string; range: Range } | null {
  const parts = (stack ?? []).filter((s) => s.role === role);
  if (parts.length === 0) return null;
  const { span, line } = parts[0];
  if (span) return { text: readable(line.raw.slice(span.start, span.end)), range: range(line.n, span.start, line.n, span.end) };
  const lines = parts.map((s) => s.line);
  const last = lines[lines.length - 1];
  // A mark set before a list's titles (`● 望川县…`) is no part of the title.
  const mark = role === 'headline' ? (LIST_MARK.exec(line.raw.slice(line.indent))?.[0].length ?? 0) : 0;
  const texts = lines.map((l, k) => readable(k === 0 ? l.raw.slice(l.indent + mark) : l.raw));
  return { text: joinWrapped(texts), range: range(line.n, line.indent + mark, last.n, last.raw.trimEnd().length) };
}

function toItem(d: Draft, lines: readonly PageLine[], index: LineIndex, credits: ReadonlyMap<PhotoBlock, number>, depth: Depth): Item {
  if (d.teaser) return toTeaser(d.teaser.title, d.teaser.titleEnd, lines[d.teaser.last], lines, d.teaser.lead);
  // A draft of photos has no text of its own: its captions are its body. A headline with no
  // text or photos under it (the page was cut after it) is its own body.
  const body = [...(d.body.length ? d.body : d.photos.length ? d.photos.map((p) => lines[p.first]) : (d.stack ?? []).map((s) => s.line))].sort((a, b) => a.n - b.n);
  const photoStory = isPhotoStory(d);
  const lastPhoto = photoStory ? lines[d.photos[d.photos.length - 1].last] : null;
  const first = body[0];
  const last = lastPhoto && lastPhoto.n > body[body.length - 1].n ? lastPhoto : body[body.length - 1];
  const headline = stackPart(d.stack, 'headline');
  const kicker = stackPart(d.stack, 'kicker');
  const subtitle = stackPart(d.stack, 'subtitle');
  const dateline = d.dateline ? readDateline(d.dateline, lines) : null;
  const bylines = [...(d.stack ?? []).filter((s) => s.role === 'byline').map((s) => s.line), ...d.bylines].sort((a, b) => a.n - b.n);
  // A summary names an untitled item by its first paragraph, which ends before a section head.
  const full = depth === 'full';
  const heads = full || !headline ? findSections(body, new Set(d.inner.map((c) => c.at))) : [];
  const paragraphs = full || !headline ? buildParagraphs(body, heads) : [];
  const people: Person[] = [];
  const wrapped = wrappedTail(body);
  if (full) {
    if (dateline?.names) people.push(...withRange(readPeople(dateline.names, 'reporter'), dateline.range, index));
    for (const [k, b] of bylines.entries()) {
      // A byline broken over two lines is read whole, from its first line.
      if (k > 0 && continuesByline(bylines[k - 1], b)) continue;
      const next = bylines[k + 1];
      const broken = next !== undefined && continuesByline(b, next);
      const named = isEnglishByline(b.flat) ? readEnglishByline(withBylinePlace(b, next)) : readPeople(broken ? `${b.raw} ${next.raw}` : b.raw, 'author');
      people.push(...withRange(named, broken ? spanRange(b, next) : lineRange(b), index));
    }
    const tail = body[body.length - 1];
    const author = tail ? trailingAuthor(tail.raw) ?? bracketedAuthor(tail) ?? readerSignature(tail) : null;
    const wire = tail && !author ? readWireCredits(tail.flat) : null;
    if (wire) people.push(...withRange(wire, lineRange(tail), index));
    else if (author) people.push(...withRange(readPeople(author.names, 'author'), range(tail.n, author.start, tail.n, tail.raw.trimEnd().length), index));
    else if (wrapped && !SOURCE_WORD.test(wrapped.text) && !AUTHOR_NOTE.test(wrapped.text)) people.push(...withRange(readPeople(wrapped.text, 'author'), wrapped.range, index));
    for (const p of photoStory ? d.photos : []) {
      if (!p.credit) continue;
      const creditLine = lines[credits.get(p) ?? p.last];
      for (const person of withRange(creditPeople(p.credit), lineRange(creditLine), index)) {
        if (!people.some((x) => x.name === person.name)) people.push(person);
      }
    }
  }
  const source = d.source ? { text: d.source.flat, range: lineRange(d.source) } : trailingSourceOf(body, wrapped);
  const kind: ItemKind = photoStory ? 'photo-story' : headline && NOTICE_TITLE.test(headline.text) ? 'notice' : !headline && d.brief ? 'brief' : 'article';
  return {
    kind,
    kicker: kicker?.text.replace(/^[【〖]|[】〗]$/g, '') ?? null,
    kickerRange: kicker?.range ?? null,
    // A title set in square brackets on its own line (`【澄阳国际半程马拉松9月开跑】`) is the words inside.
    headline: headline?.text.replace(WHOLLY_BRACKETED, '$1') ?? null,
    headlineRange: headline?.range ?? null,
    subtitle: subtitle?.text ?? null,
    subtitleRange: subtitle?.range ?? null,
    bodyRange: spanRange(first, last),
    dateline: dateline ? { text: dateline.text, range: dateline.range } : null,
    byline: bylines.length ? { text: bylines.map((b) => b.raw.trim()).join(' '), range: spanRange(bylines[0], bylines[bylines.length - 1]) } : null,
    people: dedupe(people),
    sections: full ? heads.map((h) => ({ title: h.title, range: spanRange(body[h.first], body[h.last]) })) : [],
    source: source?.text ?? null,
    sourceRange: source?.range ?? null,
    paragraphs: full ? paragraphs : paragraphs.slice(0, 1),
  };
}

/** An English byline read with the line under it: the place it files from (`in Xiling, Heyang`), or its names after a break at `and`. */
function withBylinePlace(byline: PageLine, next: PageLine | undefined): string {
  return next && (isEnglishBylinePlace(next.flat) || continuesByline(byline, next)) ? `${byline.raw.trim()} ${next.raw.trim()}` : byline.raw;
}

/**
 * The line each photo's credit is printed on: its own last line, or that of the caption after
 * it whose credit its group shares.
 */
function creditLines(photos: readonly PhotoBlock[]): Map<PhotoBlock, number> {
  const out = new Map<PhotoBlock, number>();
  let shared: PhotoBlock | null = null;
  for (let k = photos.length - 1; k >= 0; k--) {
    const p = photos[k];
    if (p.ownCredit) shared = p;
    out.set(p, !p.ownCredit && shared && shared.credit === p.credit ? shared.last : p.last);
  }
  return out;
}

function creditPeople(credit: string) {
  return /[\u4e00-\u9fff]/.test(credit) ? readCreditPeople(credit) : readEnglishCredit(credit);
}

/** A trailing author wrapped onto a line of its own: `（李小军）`. */
function bracketedAuthor(l: PageLine): { names: string; start: number } | null {
  const m = BRACKETED_AUTHOR.exec(l.flat);
  // `（下转 版）` is a jump line that lost its page number, not an author.
  return m && !JUMP_WORD.test(m[1]) ? { names: l.raw.trim().slice(1, -1), start: l.indent } : null;
}

const WHOLLY_BRACKETED = /^[【〖]([^【】〖〗]+)[】〗]$/;
const BRACKETED_AUTHOR = /^[（(]\s*((?:[\u4e00-\u9fff]{2,4}\s*){1,4})[）)]$/;
const JUMP_WORD = /^(?:下转|上接|紧接|转|接|详见|参见|见)|版$/;

/** An aside after the body's last sentence, wrapped onto its last line: `…服务。（通讯员 郭晋` / `宋佳）`. */
function wrappedTail(body: readonly PageLine[]): { text: string; range: Range } | null {
  if (body.length < 2) return null;
  const before = body[body.length - 2];
  const tail = body[body.length - 1];
  const aside = wrappedAside(before, tail);
  return aside && { text: aside.text, range: range(before.n, aside.start, tail.n, tail.raw.trimEnd().length) };
}

/** A source in brackets after the body's last sentence: `（据新华社）` on the last line, or wrapped onto it. */
function trailingSourceOf(body: readonly PageLine[], wrapped: { text: string; range: Range } | null): { text: string; range: Range } | null {
  if (wrapped) return SOURCE_WORD.test(wrapped.text) ? { text: `（${wrapped.text}）`, range: wrapped.range } : null;
  const tail = body[body.length - 1];
  const found = tail ? trailingSource(tail.raw) : null;
  return found && { text: found.text, range: range(tail.n, found.start, tail.n, found.start + found.text.length) };
}

function dedupe(people: Person[]): Person[] {
  const seen = new Set<string>();
  return people.filter((p) => !seen.has(p.name) && seen.add(p.name));
}

/**
 * A teaser: its title runs from the line's start (a list mark aside) to `pointerAt`; a subtitle
 * may stand between it and its pointer (`…最亮底色` / `——访市生态环境局局长张卫东` / `（详见第5版）`).
 */
function toTeaser(title: PageLine, pointerAt: number, last: PageLine, lines: readonly PageLine[], lead: PageLine | null): Item {
  const first = lead ?? title;
  const titleStart = first.indent + (LIST_MARK.exec(first.raw.slice(first.indent))?.[0].length ?? 0);
  const titleEnd = title.raw.slice(0, pointerAt).trimEnd().length;
  const own = readable(title.raw.slice(lead ? title.indent : titleStart, titleEnd));
  const text = lead ? joinWrapped([readable(lead.raw.slice(titleStart)), own]) : own;
  const subtitle = lines.slice(title.n + 1, last.n).find((l) => !l.blank && isSubtitle(l.flat));
  return {
    kind: 'teaser',
    kicker: null,
    kickerRange: null,
    headline: text,
    headlineRange: range(first.n, titleStart, title.n, titleEnd),
    subtitle: subtitle ? readable(subtitle.raw) : null,
    subtitleRange: subtitle ? lineRange(subtitle) : null,
    bodyRange: spanRange(first, last),
    dateline: null,
    byline: null,
    people: [],
    sections: [],
    source: null,
    sourceRange: null,
    paragraphs: [],
  };
}

function toPhoto(p: PhotoBlock, lines: readonly PageLine[], index: LineIndex, creditLine: number, depth: Depth): Photo {
  const first = lines[p.first];
  const last = lines[p.last];
  const captionLines: string[] = [];
  for (let n = p.first; n <= p.last; n++) {
    const l = lines[n];
    if (l.blank) continue;
    let raw = l.raw;
    if (n === p.last && p.ownCredit) {
      const credit = findCredit(raw);
      if (credit) raw = raw.slice(0, credit.start);
    }
    captionLines.push(readable(raw));
  }
  return {
    range: spanRange(first, last),
    marker: p.marker,
    caption: joinWrapped(captionLines).trim(),
    credit: p.credit,
    people: p.credit && depth === 'full' ? withRange(creditPeople(p.credit), lineRange(lines[creditLine]), index) : [],
  };
}
