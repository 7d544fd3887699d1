/**
 * What the navigation features (hover, definition, references, links, completion, code
 * actions) share: finding the thing under a position, the item a line belongs to, where a
 * page "starts", page labels in the reader's language, and Markdown escaping. Pure.
 */
import type { Item, JumpDirection, Page, PageId, Photo, Position, Range } from '../core/model';
import type { Issue, ResolvedJump } from '../core/issue';
import type { ParsedDocument } from '../core/parsePage';
import { samePage } from '../core/issue';
import { bigrams, overlap } from '../core/similarity';
import { collapseCjkSpaces, range } from '../core/text';
import { joinWrapped } from '../core/paragraphs';
import { itemName } from './outline';

export type Locale = 'en' | 'zh';

/** The parse of another page of the issue, for features that quote it. */
export type DocumentLookup = (uri: string) => ParsedDocument | undefined;

export const tr = (locale: Locale, en: string, zh: string): string => (locale === 'zh' ? zh : en);

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);

/** True when `p` is inside `r`; `inclusiveEnd` also accepts the position just after it. */
export function contains(r: Range, p: Position, inclusiveEnd = false): boolean {
  if (before(p, r.start)) return false;
  return inclusiveEnd ? !before(r.end, p) : before(p, r.end);
}

export function rangesOverlap(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** An item's whole extent: headline, subtitle and body. */
export function itemRange(item: Item): Range {
  let r = item.bodyRange;
  for (const o of [item.headlineRange, item.subtitleRange]) {
    if (!o) continue;
    r = { start: before(o.start, r.start) ? o.start : r.start, end: before(r.end, o.end) ? o.end : r.end };
  }
  return r;
}

/** The item whose extent holds the line; stories before teasers. */
export function itemAtLine(page: Page, line: number): Item | undefined {
  const holding = page.items.filter((i) => {
    const r = itemRange(i);
    return r.start.line <= line && line <= r.end.line;
  });
  return holding.find((i) => i.kind !== 'teaser') ?? holding[0];
}

/**
 * The story a line of the page belongs to: the item holding it, else the nearest story after
 * it, else the nearest before it. Teasers are pointers, not stories, and are skipped.
 */
export function nearestStory(page: Page, first: number, last = first): Item | undefined {
  const stories = page.items.filter((i) => i.kind !== 'teaser');
  let best: Item | undefined;
  let bestDistance = Infinity;
  for (const item of stories) {
    const r = itemRange(item);
    if (r.start.line <= last && first <= r.end.line) return item;
    // Ties go to the item after: a photo or a jump line usually leads into its story.
    const distance = r.start.line > last ? r.start.line - last : first - r.end.line + 0.5;
    if (distance < bestDistance) {
      best = item;
      bestDistance = distance;
    }
  }
  return best;
}

/** A caption's words must be this much more present in one neighbour than the other to decide. */
const CAPTION_MARGIN = 0.15;

/**
 * The story a photo illustrates: the item holding it, else the nearer of the stories just
 * after and just before it. Distance counts only text lines that belong to neither a photo, a
 * teaser nor a jump line (a composite's other captions sit between it and its story), and a
 * caption whose words clearly recur in one of the two stories settles it.
 */
export function illustratedStory(doc: ParsedDocument, photo: Photo): Item | undefined {
  const { page, lines } = doc;
  const first = photo.range.start.line;
  const last = photo.range.end.line;
  const stories = page.items.filter((i) => i.kind !== 'teaser');
  const holding = stories.find((i) => {
    const r = itemRange(i);
    return r.start.line <= last && first <= r.end.line;
  });
  if (holding) return holding;
  const within = (r: Range, n: number): boolean => r.start.line <= n && n <= r.end.line;
  const aside = (n: number): boolean =>
    page.photos.some((p) => within(p.range, n)) ||
    page.jumps.some((j) => within(j.range, n)) ||
    page.items.some((i) => i.kind === 'teaser' && within(itemRange(i), n));
  const gap = (from: number, to: number): number => {
    let count = 0;
    for (let n = from + 1; n < to; n++) if (!lines[n]?.blank && !aside(n)) count++;
    return count;
  };
  let after: { item: Item; gap: number } | undefined;
  let before: { item: Item; gap: number } | undefined;
  for (const item of stories) {
    const r = itemRange(item);
    if (r.start.line > last) {
      const g = gap(last, r.start.line);
      if (!after || g < after.gap) after = { item, gap: g };
    } else if (r.end.line < first) {
      const g = gap(r.end.line, first);
      if (!before || g < before.gap) before = { item, gap: g };
    }
  }
  if (!after || !before) return (after ?? before)?.item;
  const words = (i: Item): ReturnType<typeof bigrams> => bigrams([i.headline ?? '', i.subtitle ?? '', ...i.paragraphs.map((p) => p.text)].join('\n'));
  const a = overlap(photo.caption, words(after.item));
  const b = overlap(photo.caption, words(before.item));
  if (Math.abs(a - b) >= CAPTION_MARGIN) return a > b ? after.item : before.item;
  return before.gap < after.gap ? before.item : after.item;
}

/** The items of a page in reading order of their first line. */
export function itemsInOrder(page: Page): Item[] {
  return [...page.items].sort((a, b) => itemRange(a).start.line - itemRange(b).start.line);
}

/** Where an item is named: its headline, else its first line. */
export function itemSelection(item: Item): Range {
  if (item.headlineRange) return item.headlineRange;
  const s = item.bodyRange.start;
  return range(s.line, s.character, s.line, s.line === item.bodyRange.end.line ? item.bodyRange.end.character : s.character + 1);
}

/** The headlines (or first words) of a page's stories, then its teasers. */
export function headlines(page: Page): string[] {
  const ordered = itemsInOrder(page);
  return [...ordered.filter((i) => i.kind !== 'teaser'), ...ordered.filter((i) => i.kind === 'teaser')].map(itemName);
}

/** The item on `page` whose headline best matches a teaser title, if one matches well. */
export function matchTeaser(page: Page, title: string, threshold = 0.6): Item | undefined {
  let best: Item | undefined;
  let score = threshold;
  for (const it of page.items) {
    if (it.kind === 'teaser' || !it.headline) continue;
    const s = overlap(title, bigrams(`${it.kicker ?? ''}${it.headline}${it.subtitle ?? ''}`));
    if (s >= score) {
      best = it;
      score = s + 1e-9;
    }
  }
  return best;
}

/** The teaser item a jump line belongs to, when it is a teaser's pointer. */
export function teaserOf(page: Page, jumpRange: Range): Item | undefined {
  return page.items.find((i) => i.kind === 'teaser' && i.bodyRange.start.line <= jumpRange.start.line && jumpRange.start.line <= i.bodyRange.end.line);
}

/** Where to land on a page reached without a partner jump: the named story, else the first item. */
export function entryPoint(target: Page, teaserTitle?: string | null): { item: Item | undefined; range: Range } {
  const item = (teaserTitle ? matchTeaser(target, teaserTitle) : undefined) ?? itemsInOrder(target)[0];
  return { item, range: item ? itemSelection(item) : range(0, 0, 0, 0) };
}

/** The resolved jump under a position. */
export function jumpAt(issue: Issue, uri: string, p: Position, inclusiveEnd = false): ResolvedJump | undefined {
  return issue.jumps(uri).find((rj) => contains(rj.jump.range, p, inclusiveEnd));
}

/** `page 4` (`Page 4` to start a sentence) / `第4版`; `?` for an unknown page. */
export function pageLabel(id: PageId, locale: Locale, capital = false): string {
  const page = capital ? 'Page' : 'page';
  if (id === null) return tr(locale, `${page} ?`, '版次不明');
  return locale === 'zh' ? (typeof id === 'number' ? `第${id}版` : `${id}版`) : `${page} ${id}`;
}

const comparePageIds = (a: PageId, b: PageId): number => {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return String(a).localeCompare(String(b), 'en', { numeric: true });
};

/** The distinct page ids of an issue with their pages, in page order; `except` left out. */
export function issuePageIds(issue: Issue, except: PageId = null): { id: Exclude<PageId, null>; pages: Page[] }[] {
  const out: { id: Exclude<PageId, null>; pages: Page[] }[] = [];
  for (const p of issue.pages) {
    if (p.id === null || samePage(p.id, except)) continue;
    const known = out.find((o) => samePage(o.id, p.id));
    if (known) known.pages.push(p);
    else out.push({ id: p.id, pages: [p] });
  }
  return out.sort((a, b) => comparePageIds(a.id, b.id));
}

/**
 * Pages that a jump being written (or missing its number) most likely names: pages whose own
 * jump names this page from the other side and found no partner, or, for a teaser's pointer,
 * the pages holding a matching headline.
 */
export function likelyPages(issue: Issue, page: Page, direction: JumpDirection, teaserTitle?: string | null): Page[] {
  if (direction === 'see') return teaserTitle ? issue.pages.filter((p) => p !== page && matchTeaser(p, teaserTitle)) : [];
  if (page.id === null) return [];
  const answer: JumpDirection = direction === 'to' ? 'from' : 'to';
  return issue.pages.filter((p) => p !== page && issue.jumps(p.uri).some((rj) => rj.jump.direction === answer && samePage(rj.jump.page, page.id) && rj.partner === null));
}

/** The text under a range, hard wraps joined and justification spaces removed. */
export function readableText(doc: ParsedDocument, r: Range): string {
  const text = doc.index.text.slice(doc.index.offsetAt(r.start), doc.index.offsetAt(r.end));
  return joinWrapped(text.split(/\r\n|\r|\n/).map((l) => collapseCjkSpaces(l.trim())).filter(Boolean));
}

/** At most `n` characters of a text, with an ellipsis on the cut side. */
export function clip(s: string, n: number, fromEnd = false): string {
  const chars = [...s];
  if (chars.length <= n) return s;
  return fromEnd ? `…${chars.slice(chars.length - n).join('')}` : `${chars.slice(0, n).join('')}…`;
}

/** Escapes text for Markdown so headlines and captions show as written. */
export function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|~#]/g, (c) => `\\${c}`);
}

/** A jump line's marker on one line: the vertical layout's breaks removed. */
export function markerText(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, '').replace(/\s+/g, ' ');
}
