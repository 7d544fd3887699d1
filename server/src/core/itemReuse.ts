/**
 * Items of an edited page taken over from the version before. Typing changes a line or two;
 * the page is cut into drafts again, but a draft whose shape is the same and whose lines are
 * all the same (unchanged) lines makes the same items, so they are not made again. Cutting a
 * draft for hidden headlines and making its items is most of a parse after the page is cut.
 */
import type { Item } from './model';
import type { PageLine } from './lines';
import type { PhotoBlock } from './photos';
import type { StackLine } from './blocks';
import type { Draft, Orientation } from './segment';
import { datelineReach } from './dateline';

interface Made {
  /** The lines the items were made from, first to last, blank lines included. */
  readonly span: readonly PageLine[];
  readonly items: readonly Item[];
}

/** The items a parse made, by the shape of the draft they were made from. */
export type ItemsMade = ReadonlyMap<string, Made>;

export class ItemReuse {
  readonly made = new Map<string, Made>();
  readonly #before: ItemsMade | undefined;

  constructor(before?: ItemsMade) {
    this.#before = before;
  }

  /** The items of a draft: the version before's when it had this draft, else `make()`'s. */
  itemsOf(d: Draft, orient: Orientation, lines: readonly PageLine[], credits: ReadonlyMap<PhotoBlock, number>, make: () => Item[]): readonly Item[] {
    const key = shapeOf(d, orient, credits);
    const [first, last] = spanOf(d, lines, credits);
    const old = this.#before?.get(key);
    if (old && sameLines(old.span, lines, first, last)) {
      this.made.set(key, old);
      return old.items;
    }
    const made = { span: lines.slice(first, last + 1), items: make() };
    this.made.set(key, made);
    return made.items;
  }
}

function sameLines(span: readonly PageLine[], lines: readonly PageLine[], first: number, last: number): boolean {
  if (span.length !== last - first + 1) return false;
  for (let n = first; n <= last; n++) if (span[n - first] !== lines[n]) return false;
  return true;
}

const stackShape = (s: readonly StackLine[]): string => s.map((x) => `${x.line.n}${x.role[0]}`).join(',');

const photoShape = (p: PhotoBlock, credits: ReadonlyMap<PhotoBlock, number>): string =>
  `${p.first}-${p.last}:${p.marker ?? ''}:${p.credit ?? ''}:${p.ownCredit ? 1 : 0}:${credits.get(p) ?? p.last}`;

/**
 * Everything of a draft that its items depend on besides the text of its lines: which line
 * plays which part. Line numbers stand for the lines; their text is compared by spanOf's span.
 */
function shapeOf(d: Draft, orient: Orientation, credits: ReadonlyMap<PhotoBlock, number>): string {
  return [
    orient,
    d.teaser ? `${d.teaser.title.n}-${d.teaser.last}` : '',
    d.body.map((l) => l.n).join(','),
    d.stack ? stackShape(d.stack) : '-',
    d.dateline?.n ?? '',
    d.source?.n ?? '',
    d.bylines.map((l) => l.n).join(','),
    d.inner.map((c) => `${c.at}:${stackShape(c.lines)}`).join(';'),
    d.photos.map((p) => photoShape(p, credits)).join(';'),
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
    take(d.teaser.title.n);
    take(d.teaser.last);
  }
  for (const p of d.photos) {
    take(p.first);
    take(p.last);
    take(credits.get(p) ?? p.last);
  }
  return first <= last ? [first, last] : [0, -1];
}
