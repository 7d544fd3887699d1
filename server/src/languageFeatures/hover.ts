/**
 * Hover: what a figure means once normalised (`2.242 亿 元` is 224,200,000 元), what a photo
 * shows and which story it illustrates, where a jump line leads and how the story goes on
 * there, and who a person in a dateline or byline is. Markdown, in English or Chinese.
 */
import { MarkupKind, type Hover } from 'vscode-languageserver-types';
import type { Figure, Item, Page, Person, PersonRole, Photo, Position, Range } from '../core/model';
import type { Issue, ResolvedJump } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { itemName } from './outline';
import {
  clip,
  contains,
  entryPoint,
  headlines,
  illustratedStory,
  issuePageIds,
  itemAtLine,
  jumpAt,
  likelyPages,
  markerText,
  md,
  nearestStory,
  pageLabel,
  readableText,
  teaserOf,
  tr,
  type DocumentLookup,
  type Locale,
} from './locate';

/** How many characters of the other end of a jump to quote. */
const QUOTE = 40;
/** How many headlines of a page to list. */
const LIST = 6;

export function provideHover(doc: ParsedDocument, issue: Issue, position: Position, locale: Locale, lookup: DocumentLookup): Hover | null {
  const { page } = doc;
  const rj = jumpAt(issue, page.uri, position);
  if (rj) return hover(jumpHover(rj, issue, page, locale, lookup), rj.jump.range);
  const figure = page.figures.find((f) => contains(f.range, position));
  if (figure) return hover(figureHover(figure, locale), figure.range);
  const person = personAt(doc, position);
  if (person) return hover(personHover(person.person, person.item, locale), person.range);
  const photo = photoAt(doc, position);
  if (photo) return hover(photoHover(photo.photo, doc, locale), photo.range);
  return null;
}

const hover = (value: string, r: Range): Hover => ({ contents: { kind: MarkupKind.Markdown, value }, range: r });

// ── Figures ────────────────────────────────────────────────────────────────────────────

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A value for reading: grouped digits, float noise rounded away. */
export function formatNumber(v: number): string {
  return NUMBER.format(Number(v.toPrecision(12)));
}

/** A figure as the reader should take it: `224,200,000 元`, `83.7 %`, `16–60 周岁`. */
export function figureValue(f: Figure): string {
  const percent = f.unit === '%';
  const show = (v: number): string => formatNumber(percent ? v * 100 : v);
  const amount = f.upper !== undefined ? `${show(f.value)}–${show(f.upper)}` : show(f.value);
  return `${amount} ${f.unit}`;
}

function figureHover(f: Figure, locale: Locale): string {
  const written = f.text.replace(/\s+/g, ' ').trim();
  const approx = f.approximate ? tr(locale, '≈ ', '约 ') : '';
  const lines = [`**${approx}${md(figureValue(f))}**  (${md(written)})`];
  if (f.unit === '%') {
    const ratio = f.upper !== undefined ? `${formatNumber(f.value)}–${formatNumber(f.upper)}` : formatNumber(f.value);
    lines.push(tr(locale, `Ratio ${ratio}`, `比例 ${ratio}`));
  }
  const kind = f.kind === 'range'
    ? tr(locale, 'Range', '范围')
    : f.kind === 'percent' ? tr(locale, 'Percentage', '百分比') : tr(locale, 'Quantity', '数量');
  lines.push(`*${kind}${f.approximate ? tr(locale, ', approximate', '，约数') : ''}*`);
  return lines.join('\n\n');
}

// ── People ─────────────────────────────────────────────────────────────────────────────

const ROLE: Record<PersonRole, [string, string]> = {
  reporter: ['reporter', '记者'],
  correspondent: ['correspondent', '通讯员'],
  intern: ['intern', '实习生'],
  author: ['author', '作者'],
  photographer: ['photographer', '摄影'],
  editor: ['editor', '编辑'],
};

interface PersonHit {
  readonly person: Person;
  readonly range: Range;
  readonly item?: Item;
}

export function personAt(doc: ParsedDocument, p: Position): PersonHit | undefined {
  const { page } = doc;
  // The story a photographer's photo illustrates is looked up only for the person hovered.
  const candidates: { person: Person; item: () => Item | undefined }[] = [
    ...page.items.flatMap((item) => item.people.map((person) => ({ person, item: () => item }))),
    ...page.photos.flatMap((photo) => photo.people.map((person) => ({ person, item: () => illustratedStory(doc, photo) }))),
    ...page.furniture.editors.map((person) => ({ person, item: () => undefined })),
  ];
  for (const c of candidates) {
    // The core gives each person the range of their own name.
    if (contains(c.person.range, p)) return { person: c.person, item: c.item(), range: c.person.range };
  }
  return undefined;
}

function personHover(person: Person, item: Item | undefined, locale: Locale): string {
  const [en, zh] = ROLE[person.role];
  const lines = [`**${md(person.name)}** — ${tr(locale, en, zh)}`];
  if (item) lines.push(tr(locale, `In “${md(itemName(item))}”`, `见于《${md(itemName(item))}》`));
  return lines.join('\n\n');
}

// ── Photos ─────────────────────────────────────────────────────────────────────────────

/** A photo marker as written in captions and in the text that refers to them. */
const MARKER = /图\s*[①-⑳]|[左右上下中]图|拼版照片|组图/g;
const squash = (s: string): string => s.replace(/\s+/g, '');

function photoAt(doc: ParsedDocument, p: Position): { photo: Photo; range: Range } | undefined {
  const { page } = doc;
  // A marker in the text (`（图①）`) stands for the photo that carries it, the nearest one
  // when several do (`右图` under each of two composites).
  const line = doc.index.line(p.line);
  for (const m of line.matchAll(MARKER)) {
    if (p.character < m.index || p.character >= m.index + m[0].length) continue;
    const marked = page.photos.filter((ph) => ph.marker !== null && squash(ph.marker) === squash(m[0]));
    const distance = (ph: Photo): number => (p.line < ph.range.start.line ? ph.range.start.line - p.line : Math.max(0, p.line - ph.range.end.line));
    const nearest = marked.sort((a, b) => distance(a) - distance(b))[0];
    if (nearest) return { photo: nearest, range: { start: { line: p.line, character: m.index }, end: { line: p.line, character: m.index + m[0].length } } };
  }
  const photo = page.photos.find((ph) => contains(ph.range, p));
  return photo ? { photo, range: photo.range } : undefined;
}

function photoHover(photo: Photo, doc: ParsedDocument, locale: Locale): string {
  const title = photo.marker ? `${tr(locale, 'Photo', '图片')} ${md(photo.marker)}` : tr(locale, 'Photo', '图片');
  const lines = [`**${title}**`];
  if (photo.caption) lines.push(md(photo.caption));
  lines.push(photo.credit ? `${tr(locale, 'Credit: ', '署名：')}${md(photo.credit)}` : tr(locale, '*No credit*', '*无署名*'));
  const story = illustratedStory(doc, photo);
  if (story) {
    const at = (story.headlineRange ?? story.bodyRange).start.line + 1;
    lines.push(tr(locale, `Illustrates: **${md(itemName(story))}** (line ${at})`, `配文：**${md(itemName(story))}**（第${at}行）`));
  }
  return lines.join('\n\n');
}

// ── Jump lines ─────────────────────────────────────────────────────────────────────────

function directionLabel(rj: ResolvedJump, locale: Locale): string {
  const p = rj.jump.page;
  const en = { to: 'Continued on', from: 'Continued from', see: 'See' }[rj.jump.direction];
  if (locale === 'zh') {
    const zh = { to: '下转', from: '上接', see: '见' }[rj.jump.direction];
    return p === null ? `${zh}（版次缺失）` : `${zh}${pageLabel(p, 'zh')}`;
  }
  return p === null ? `${en} (page number missing)` : `${en} ${pageLabel(p, 'en')}`;
}

function pageList(issue: Issue, page: Page, locale: Locale): string {
  const ids = issuePageIds(issue, page.id).map((o) => o.id);
  if (ids.length === 0) return tr(locale, 'No other page of this issue is known.', '本期没有其他已知版面。');
  return tr(locale, `Pages in this issue: ${ids.join(', ')}`, `本期版面：${ids.map((id) => pageLabel(id, 'zh')).join('、')}`);
}

function headlineList(target: Page, locale: Locale): string {
  const names = headlines(target);
  if (names.length === 0) return tr(locale, `Nothing was read on ${pageLabel(target.id, 'en')}.`, `${pageLabel(target.id, 'zh')}没有读到稿件。`);
  const shown = names.slice(0, LIST).map((n) => `- ${md(n)}`);
  if (names.length > LIST) shown.push(tr(locale, `- … ${names.length - LIST} more`, `- …… 另有 ${names.length - LIST} 篇`));
  return `${tr(locale, `On ${pageLabel(target.id, 'en')}:`, `${pageLabel(target.id, 'zh')}：`)}\n\n${shown.join('\n')}`;
}

/** The other end of a matched jump: the story there and the words that meet this page. */
function partnerText(rj: ResolvedJump, locale: Locale, lookup: DocumentLookup): string[] {
  const partner = rj.partner!;
  const other = lookup(partner.uri);
  if (!other) return [];
  const pr = partner.jump.range;
  const story = itemAtLine(other.page, pr.start.line) ?? nearestStory(other.page, pr.start.line, pr.end.line);
  const where = pageLabel(other.page.id, locale);
  const at = pr.start.line + 1;
  const out: string[] = [];
  const name = story ? md(itemName(story)) : tr(locale, '(no story found)', '（未找到稿件）');
  if (rj.jump.direction === 'to') {
    out.push(tr(locale, `Continues on ${where}, line ${at}: **${name}**`, `接续于${where}第${at}行：**${name}**`));
    const end = story && story.bodyRange.end.line >= pr.end.line ? story.bodyRange.end : { line: other.page.lineCount, character: 0 };
    const words = readableText(other, { start: pr.end, end });
    if (words) out.push(`> ${md(clip(words, QUOTE))}`);
  } else {
    out.push(tr(locale, `Begins on ${where}, line ${at}: **${name}**`, `始于${where}第${at}行：**${name}**`));
    const start = story && story.bodyRange.start.line <= pr.start.line ? story.bodyRange.start : { line: 0, character: 0 };
    const words = readableText(other, { start, end: pr.start });
    if (words) out.push(`> ${md(clip(words, QUOTE, true))}`);
  }
  return out;
}

/** The page a pointer that lost its number most likely named, when only one fits. */
function likelyNote(issue: Issue, page: Page, rj: ResolvedJump, locale: Locale): string[] {
  const teaser = teaserOf(page, rj.jump.range);
  const likely = likelyPages(issue, page, rj.jump.direction, teaser?.headline);
  if (likely.length !== 1) return [];
  const label = pageLabel(likely[0].id, locale, true);
  return [teaser?.headline
    ? tr(locale, `Probably ${label}: its headline matches this teaser.`, `可能是${label}：该版有与此导读相符的标题。`)
    : tr(locale, `Probably ${label}: its jump line names this page and has no partner.`, `可能是${label}：该版的转版标记指向本版而没有对应。`)];
}

function jumpHover(rj: ResolvedJump, issue: Issue, page: Page, locale: Locale, lookup: DocumentLookup): string {
  const lines = [`**${md(directionLabel(rj, locale))}**  \`${markerText(rj.jump.text)}\``];
  const target = pageLabel(rj.jump.page, locale);
  const Target = pageLabel(rj.jump.page, locale, true);
  switch (rj.status) {
    case 'ok':
    case 'unverified':
      if (rj.partner) lines.push(...partnerText(rj, locale, lookup));
      else {
        const teaser = teaserOf(page, rj.jump.range);
        const { item } = entryPoint(rj.targets[0], teaser?.headline);
        if (teaser?.headline && item?.headline) lines.push(tr(locale, `Story: **${md(item.headline)}**`, `对应稿件：**${md(item.headline)}**`));
        else lines.push(headlineList(rj.targets[0], locale));
      }
      if (rj.status === 'unverified') {
        lines.push(tr(locale, "*This page's own number is unknown, so the other end cannot be checked.*", '*本版版次不明，无法核对另一端。*'));
      }
      break;
    case 'missing-page':
      lines.push(tr(locale, '⚠ The page number is lost: this pointer names no page.', '⚠ 版次缺失：此标记没有写明版次。'));
      lines.push(pageList(issue, page, locale));
      lines.push(...likelyNote(issue, page, rj, locale));
      break;
    case 'target-missing':
      lines.push(tr(locale, `⚠ ${Target} is not among this issue's pages.`, `⚠ 本期版面中没有${target}。`));
      lines.push(pageList(issue, page, locale));
      break;
    case 'unmatched':
      lines.push(rj.jump.direction === 'to'
        ? tr(locale, `⚠ Nothing on ${target} continues from here.`, `⚠ ${target}没有对应的“上接”标记。`)
        : tr(locale, `⚠ Nothing on ${target} continues onto this page.`, `⚠ ${target}没有对应的“下转”标记。`));
      lines.push(headlineList(rj.targets[0], locale));
      break;
    case 'ambiguous':
      lines.push(tr(locale, `⚠ Several pages of this issue are ${target}:`, `⚠ 本期有多个${target}：`));
      lines.push(rj.targets.map((t) => `- ${md(decodeURIComponent(t.uri.split('/').pop() ?? t.uri))}`).join('\n'));
      break;
    case 'self':
      lines.push(tr(locale, `⚠ It names its own page (${target}).`, `⚠ 指向本版（${target}）。`));
      break;
  }
  return lines.join('\n\n');
}
