/**
 * Items of an edited page taken over from the version before. Typing changes a line or two;
 * the page is cut into drafts again, but a draft whose shape is the same and whose lines read
 * the same makes the same items, so they are not made again. Cutting a draft for hidden
 * headlines and making its items is most of a parse after the page is cut.
 *
 * A draft below a line break typed or deleted stands a few lines further up or down: its items
 * are the version before's, moved by as many lines.
 */
import type { Item, Range } from './model';
import type { PageLine } from './lines';
import type { PhotoBlock } from './photos';
import type { StackLine } from './blocks';
import type { Draft, Orientation } from './draft';
import { datelineReach } from './dateline';

/**
 * The items a parse made, by the shape of the draft they were made from (in that version's
 * line numbers). Each was made from, or checked against, that version's lines.
 */
export type ItemsMade = ReadonlyMap<string, readonly Item[]>;

/** A version's lines and the items made of them. */
export interface MadeBefore {
  readonly lines: readonly PageLine[];
  readonly made: ItemsMade;
}

export class ItemReuse {
  readonly made = new Map<string, readonly Item[]>();
  readonly #before: MadeBefore;
  /** How many lines further down the lines after the edit stand (negative: up). */
  readonly #moved: number;

  constructor(before: MadeBefore, lineCount: number) {
    this.#before = before;
    this.#moved = lineCount - before.lines.length;
  }

  /** The items of a draft: the version before's when it had this draft, else `make()`'s. */
  itemsOf(d: Draft, orient: Orientation, lines: readonly PageLine[], credits: ReadonlyMap<PhotoBlock, number>, make: () => Item[]): readonly Item[] {
    const [first, last] = spanOf(d, lines, credits);
    const key = shapeOf(d, orient, credits, 0);
    for (const by of this.#moved === 0 ? [0] : [0, this.#moved]) {
      if (!readsAsBefore(lines, this.#before.lines, first, last, by)) continue;
      const old = this.#before.made.get(by === 0 ? key : shapeOf(d, orient, credits, by));
      if (!old) continue;
      const items = by === 0 ? old : old.map((item) => moveItem(item, by));
      this.made.set(key, items);
      return items;
    }
    const items = make();
    this.made.set(key, items);
    return items;
  }
}

/** Lines first..last read as the version before's lines `by` lines up. */
function readsAsBefore(lines: readonly PageLine[], before: readonly PageLine[], first: number, last: number, by: number): boolean {
  if (first - by < 0 || last - by >= before.length) return false;
  for (let n = first; n <= last; n++) if (lines[n] !== before[n - by] && lines[n].raw !== before[n - by].raw) return false;
  return true;
}

const stackShape = (s: readonly StackLine[], by: number): string => s.map((x) => `${x.line.n - by}${x.role[0]}${x.span ? 's' : ''}`).join(',');

const photoShape = (p: PhotoBlock, credits: ReadonlyMap<PhotoBlock, number>, by: number): string =>
  `${p.first - by}-${p.last - by}:${p.marker ?? ''}:${p.credit ?? ''}:${p.ownCredit ? 1 : 0}:${(credits.get(p) ?? p.last) - by}`;

/**
 * Everything of a draft that its items depend on besides the text of its lines: which line
 * plays which part, by line number `by` lines up. Line numbers stand for the lines; their text
 * is compared by readsAsBefore.
 */
function shapeOf(d: Draft, orient: Orientation, credits: ReadonlyMap<PhotoBlock, number>, by: number): string {
  return [
    orient,
    d.teaser ? `${(d.teaser.lead ?? d.teaser.title).n - by}-${d.teaser.title.n - by}-${d.teaser.last - by}` : '',
    d.body.map((l) => l.n - by).join(','),
    d.stack ? stackShape(d.stack, by) : '-',
    d.dateline ? d.dateline.n - by : '',
    d.source ? d.source.n - by : '',
    d.bylines.map((l) => l.n - by).join(','),
    d.inner.map((c) => `${c.at}:${stackShape(c.lines, by)}`).join(';'),
    d.photos.map((p) => photoShape(p, credits, by)).join(';'),
    d.brief ? 'brief' : '',
    d.continued ? 'continued' : '',
  ].join('|');
}

/** The first and last line the items of a draft are made from: its own, and those a dateline's bracket may wrap onto. */
function spanOf(d: Draft, lines: readonly PageLine[], credits: ReadonlyMap<PhotoBlock, number>): [number, number] {
  let first = Infinity;
  let last = -Infinity;
  const take = (n: number): void => {
    if (n < first) first = n;
    if (n > last) last = n;
  };
  for (const l of d.body) take(l.n);
  for (const s of d.stack ?? []) take(s.line.n);
  for (const l of d.bylines) take(l.n);
  if (d.source) take(d.source.n);
  if (d.dateline) take(datelineReach(d.dateline, lines));
  if (d.teaser) {
    take((d.teaser.lead ?? d.teaser.title).n);
    take(d.teaser.last);
  }
  for (const p of d.photos) {
    take(p.first);
    take(p.last);
    take(credits.get(p) ?? p.last);
  }
  return first <= last ? [first, last] : [0, -1];
}

const moveRange = (r: Range, by: number): Range => ({
  start: { line: r.start.line + by, character: r.start.character },
  end: { line: r.end.line + by, character: r.end.character },
});

const moveSpan = <T extends { readonly range: Range }>(x: T, by: number): T => ({ ...x, range: moveRange(x.range, by) });

/** An item `by` lines further down: every range in it moves, nothing else changes. */
function moveItem(item: Item, by: number): Item {
  const move = (r: Range | null): Range | null => (r ? moveRange(r, by) : null);
  return {
    ...item,
    kickerRange: move(item.kickerRange),
    headlineRange: move(item.headlineRange),
    subtitleRange: move(item.subtitleRange),
    sourceRange: move(item.sourceRange),
    bodyRange: moveRange(item.bodyRange, by),
    dateline: item.dateline && moveSpan(item.dateline, by),
    byline: item.byline && moveSpan(item.byline, by),
    people: item.people.map((p) => moveSpan(p, by)),
    sections: item.sections.map((s) => moveSpan(s, by)),
    paragraphs: item.paragraphs.map((p) => moveSpan(p, by)),
  };
}
