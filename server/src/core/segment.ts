/**
 * Cuts the page's blocks into items. Extracted pages set headlines either after their body
 * (PDF e-paper text: the headline block comes out last) or before it (clean exports); the
 * page's orientation is decided once, from where its headline stacks stand and which text
 * their words belong to, and then applied to every stack.
 */
import type { Block, StackLine } from './blocks';
import type { PageLine } from './lines';
import type { PhotoBlock } from './photos';
import { BigramIndex, bigrams, overlap } from './similarity';
import { readPeople } from './people';
import { endsSentence } from './lines';
import { NOTICE_TITLE, isSalutation, sectionNumbering } from './classify';
import { columnChanges, looksLikeFirstLine } from './columns';
import { isLetterSpaced } from './damage';

export interface Draft {
  readonly body: PageLine[];
  /** The headline stack, when one was found. */
  stack: StackLine[] | null;
  dateline: PageLine | null;
  readonly photos: PhotoBlock[];
  source: PageLine | null;
  readonly bylines: PageLine[];
  /** Heading-like runs inside the body that were not taken as headlines: section head candidates. */
  readonly inner: { at: number; lines: readonly StackLine[] }[];
  teaser: { title: PageLine; last: number } | null;
  /** The text has ended (a `to` jump or a source line): more text starts a new item. */
  ended: boolean;
}

const newDraft = (): Draft => ({ body: [], stack: null, dateline: null, photos: [], source: null, bylines: [], inner: [], teaser: null, ended: false });

const textOf = (lines: readonly PageLine[]): string => lines.map((l) => l.flat).join('');
const stackText = (lines: readonly StackLine[]): string =>
  lines.filter((s) => s.role === 'headline').map((s) => s.line.flat).join('');

export type Orientation = 'headline-after' | 'headline-before';

/** The longest introduction, in characters, a photo story sets before the photos it introduces. */
const PHOTO_STORY_MAX_CHARS = 600;

/**
 * Photos right after a short untitled text belong to it: a photo story. They must all follow
 * its text, or the story's range would reach over other items.
 */
export function isPhotoStory(d: Draft): boolean {
  // Every line holds a character, so a body of more lines than the limit is no introduction.
  if (d.photos.length === 0 || d.dateline || d.body.length === 0 || d.body.length > PHOTO_STORY_MAX_CHARS) return false;
  const lastLine = d.body[d.body.length - 1].n; // the body is in page order
  return d.photos.every((p) => p.first > lastLine) && textOf(d.body).length <= PHOTO_STORY_MAX_CHARS;
}
/** A headline takes most of its bigrams from its own article. */
const STRONG_OVERLAP = 0.5;
const OVERLAP_MARGIN = 0.25;
/** Fewer bigrams than this say too little to place a headline by its words. */
const MIN_WORDS = 4;

/**
 * Decides where headlines stand. Strong evidence: a stack that opens the page before any text
 * (headlines first) or closes it after all text (headlines after). Otherwise each stack that
 * sits between two stretches of text votes for the side its words come from.
 */
export function orientation(blocks: readonly Block[]): Orientation {
  const content = blocks.filter((b) => b.type !== 'furniture' && b.type !== 'photo');
  let vote = 0;
  const first = content.find((b) => b.type !== 'teaser');
  let last: Block | undefined;
  for (let i = content.length - 1; i >= 0 && !last; i--) if (content[i].type !== 'teaser' && content[i].type !== 'byline') last = content[i];
  if (first?.type === 'stack' && (!first.inner || headsTopOfPage(content))) vote -= 2;
  if (last?.type === 'stack' && !last.inner) vote += 2;
  // The headline stacks, by place in `content`, with their words. A page of a thousand lines
  // holds a few dozen: the loops below go over the page once.
  const stacks: { at: number; words: Set<number> }[] = [];
  const wanted = new Set<number>();
  const text: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const b = content[i];
    text.push(b.type === 'text' || b.type === 'dateline' ? b.line.flat : '');
    if (b.type !== 'stack' || b.inner) continue;
    const words = bigrams(b.lines.filter((s) => s.role === 'headline' || s.role === 'subtitle').map((s) => s.line.flat).join(''));
    stacks.push({ at: i, words });
    for (const w of words) wanted.add(w);
  }
  const index = new BigramIndex(text, wanted);
  for (const { at, words } of stacks) {
    const [from, to] = neighbours(content, at);
    vote += index.overlap(words, from, at) - index.overlap(words, at + 1, to);
  }
  return vote >= 0 ? 'headline-after' : 'headline-before';
}

/**
 * A headline-like line that opens the page above running text heads it when it stands apart
 * from that text: a notice title over its greeting, or a line clearly shorter than the text.
 */
function headsTopOfPage(content: readonly Block[]): boolean {
  const first = content[0];
  if (first?.type !== 'stack') return false;
  const text = content.slice(1, 8).flatMap((b) => (b.type === 'text' ? [b.line] : []));
  const lines = [...first.lines.map((s) => s.line), ...text];
  if (text.length > 0 && isSalutation(text[0].flat)) return true;
  return first.lines.length < lines.length && !shapedLikeSubhead(lines, 0) && !looksLikeFirstLine(lines, first.lines.length - 1);
}

/**
 * The running text around stack i, as a block range: back to the previous stack or teaser (or
 * the dateline that opens that text), and on to the next stack, teaser or dateline (a dateline
 * right under the stack opens the text after it).
 */
function neighbours(content: readonly Block[], i: number): [number, number] {
  const stops = (b: Block): boolean => (b.type === 'stack' && !b.inner) || b.type === 'teaser';
  let from = i;
  while (from > 0 && !stops(content[from - 1])) {
    from--;
    if (content[from].type === 'dateline') break;
  }
  let to = i + 1;
  while (to < content.length && !stops(content[to]) && !(content[to].type === 'dateline' && to > i + 1)) to++;
  return [from, to];
}

/** Cuts blocks into item drafts; each may still hold hidden headlines (see splitHidden). */
export function segment(blocks: readonly Block[], orient: Orientation): Draft[] {
  const s = new Segmenter(orient);
  for (const b of blocks) s.add(b);
  s.close();
  return s.drafts;
}

/** Walks the blocks in page order, keeping the item being read open until something ends it. */
class Segmenter {
  readonly drafts: Draft[] = [];
  #cur: Draft | null = null;
  readonly #orient: Orientation;

  constructor(orient: Orientation) {
    this.#orient = orient;
  }

  close(): void {
    const d = this.#cur;
    if (d && (d.body.length > 0 || d.stack)) this.drafts.push(d);
    this.#cur = null;
  }

  #open(): Draft {
    this.#cur ??= newDraft();
    return this.#cur;
  }

  /** The open draft, or a fresh one when the open draft's text has ended. */
  #openForText(): Draft {
    const d = this.#open();
    if (!d.ended && !(isPhotoStory(d) && this.#orient === 'headline-after')) return d;
    this.close();
    return this.#open();
  }

  add(b: Block): void {
    const cur = this.#cur;
    switch (b.type) {
      case 'furniture':
        return;
      case 'teaser':
        this.close();
        this.drafts.push({ ...newDraft(), teaser: { title: b.title, last: b.last } });
        return;
      case 'dateline': {
        // Headlines first: a dateline right under a headline opens that headline's body.
        const awaitingBody = this.#orient === 'headline-before' && cur !== null && cur.body.length === 0;
        if (!awaitingBody) this.close();
        const d = this.#open();
        d.dateline = b.line;
        d.body.push(b.line);
        return;
      }
      case 'text':
      case 'jump': {
        const d = this.#openForText();
        d.body.push(b.line);
        if (b.type === 'text' && b.endsWithJump) d.ended = true;
        return;
      }
      case 'source': {
        const d = this.#open();
        d.source = b.line;
        d.ended = true;
        return;
      }
      case 'byline':
        this.#open().bylines.push(b.line);
        return;
      case 'photo':
        // Photos after text may belong to it (a photo story); whether they do is decided once
        // the text is cut into items. Elsewhere photos stand on their own.
        if (cur && cur.body.length > 0) cur.photos.push(b.photo);
        return;
      case 'stack':
        if (b.inner) this.#addInner(b.lines);
        else this.#addStack(b.lines);
        return;
    }
  }

  #addStack(lines: readonly StackLine[]): void {
    const cur = this.#cur;
    if (this.#orient === 'headline-after' && cur && cur.body.length > 0 && !cur.stack) {
      cur.stack = [...lines];
      this.close();
      assignOrphans(this.drafts);
      return;
    }
    // An editor's note (编者按) set before a headline introduces that article.
    if (this.#orient === 'headline-before' && cur && !cur.stack && cur.body.length > 0 && /^编者按/.test(cur.body[0].flat)) {
      cur.stack = [...lines];
      return;
    }
    // Headlines first, or nothing open to take it: it heads what follows.
    this.close();
    this.#open().stack = [...lines];
  }

  #addInner(lines: readonly StackLine[]): void {
    const cur = this.#cur;
    if (cur && cur.stack && cur.body.length === 0) {
      // The first line under a headline is body text.
      for (const s of lines) cur.body.push(s.line);
      return;
    }
    const untitledStart = cur === null || (cur.body.length === 0 && !cur.stack) || cur.ended;
    if (untitledStart && this.#orient === 'headline-before') {
      // Headlines first: a headline-like line before running text heads it.
      this.close();
      this.#open().stack = [...lines];
      return;
    }
    const d = untitledStart ? this.#openForText() : this.#open();
    // Headlines after: a short line opening the text is that text's first line; inside the
    // text it may be a section head or a hidden headline, weighed by splitHidden.
    if (!untitledStart) d.inner.push({ at: d.body.length, lines });
    for (const s of lines) d.body.push(s.line);
  }
}

/**
 * A headline stack after a body may also hold the headline of an earlier article that was
 * left without one (the layout set it after the next article's headline). Splits the stack
 * between the last draft and the untitled drafts just before it, when the words say so.
 */
function assignOrphans(drafts: Draft[]): void {
  const last = drafts[drafts.length - 1];
  const stack = last.stack;
  if (!stack) return;
  const targets: Draft[] = [last];
  for (let k = drafts.length - 2; k >= 0 && targets.length < 3; k--) {
    const d = drafts[k];
    if (d.stack || d.teaser || d.body.length === 0) break;
    targets.push(d);
  }
  const heads = stack.filter((s) => s.role === 'headline');
  if (targets.length < 2 || heads.length < 2) return;
  const bodies = targets.map((t) => bigrams(textOf(t.body)));
  const whole = overlap(stackText(stack), bodies[0]);
  let best: { score: number; parts: StackLine[][]; order: number[] } | null = null;
  for (const parts of partitions(stack, Math.min(targets.length, heads.length))) {
    if (parts.length < 2) continue;
    for (const order of permutations(parts.length, targets.length)) {
      if (order[parts.length - 1] !== 0 && !order.includes(0)) continue;
      const scores = parts.map((p, i) => overlap(stackText(p), bodies[order[i]]));
      const score = scores.reduce((a, s) => a + s, 0) / scores.length;
      if (Math.min(...scores) >= 0.4 && score > whole + 0.15 && (!best || score > best.score)) best = { score, parts, order };
    }
  }
  if (!best) return;
  best.parts.forEach((p, i) => (targets[best!.order[i]].stack = p));
}

/** Ways to cut a stack into k runs of consecutive lines, each holding a headline line. */
function* partitions(stack: StackLine[], maxParts: number): Generator<StackLine[][]> {
  const cuts = stack.map((_, i) => i).filter((i) => i > 0 && stack[i].role === 'headline');
  const choose = function* (from: number, left: number, acc: number[]): Generator<number[]> {
    if (left === 0) {
      yield acc;
      return;
    }
    for (let c = from; c < cuts.length; c++) yield* choose(c + 1, left - 1, [...acc, cuts[c]]);
  };
  for (let k = 2; k <= maxParts; k++) {
    for (const cs of choose(0, k - 1, [])) {
      const bounds = [0, ...cs, stack.length];
      const parts = bounds.slice(1).map((end, i) => stack.slice(bounds[i], end));
      if (parts.every((p) => p.some((s) => s.role === 'headline'))) yield parts;
    }
  }
}

/** Ordered choices of k distinct targets out of n. */
function* permutations(k: number, n: number): Generator<number[]> {
  const rec = function* (acc: number[]): Generator<number[]> {
    if (acc.length === k) {
      yield acc;
      return;
    }
    for (let i = 0; i < n; i++) if (!acc.includes(i)) yield* rec([...acc, i]);
  };
  yield* rec([]);
}

/**
 * An article's text may hold a second article whose headline was taken for a subhead: the
 * first article's headline stands between them with running text on both sides. It shows in
 * the words (the headline repeats the text on its own side, not the other) or, on pages that
 * set headlines after their text, in the credits (one article cannot carry both a dateline
 * reporter and a byline of its own).
 */
export function splitHidden(d: Draft, orient: Orientation): Draft[] {
  if (d.inner.length === 0 || d.teaser) return [d];
  // Words are weighed only for candidates that stand apart from the text (or open a notice);
  // a draft without one is not cut, and its text is not read for words.
  const apart = d.inner.map((c) => standsApart(d.body, c.at));
  const opensNotice = d.inner.map((c) => isSalutation(d.body[c.at + c.lines.length]?.flat ?? ''));
  if (!apart.includes(true) && !opensNotice.includes(true)) return [d];
  const words = d.inner.map((c) => bigrams(stackText(c.lines)));
  const wanted = new Set<number>();
  for (const w of words) for (const b of w) wanted.add(b);
  const index = new BigramIndex(d.body.map((l) => l.flat), wanted);
  const after = orient === 'headline-after';
  /** How strongly candidate k's words belong to its own side rather than the other. */
  const weigh = (k: number, from: number) => {
    const c = d.inner[k];
    const end = c.at + c.lines.length;
    const next = d.inner[k + 1]?.at ?? d.body.length;
    const before = index.overlap(words[k], from, c.at);
    const behind = index.overlap(words[k], end, next);
    const own = after ? before : behind;
    return { own, margin: own - (after ? behind : before), words: words[k].size, apart: apart[k] };
  };
  const cuts: Cut[] = [];
  let from = 0;
  for (let k = 0; k < d.inner.length; k++) {
    const c = d.inner[k];
    const w = weigh(k, from);
    if (opensNotice[k] || (NOTICE_TITLE.test(stackText(c.lines)) && w.apart)) {
      // A notice title over its greeting heads what follows; otherwise it follows the page.
      cuts.push({ k, heads: opensNotice[k] ? 'following' : after ? 'preceding' : 'following' });
    } else if (w.own >= STRONG_OVERLAP && w.margin >= OVERLAP_MARGIN && w.words >= MIN_WORDS && w.apart) {
      cuts.push({ k, heads: after ? 'preceding' : 'following' });
    } else continue;
    from = c.at + c.lines.length;
  }
  if (cuts.length === 0 && after && hasCreditConflict(d)) {
    let best: { k: number; margin: number } | null = null;
    for (let k = 0; k < d.inner.length; k++) {
      const w = weigh(k, 0);
      if (w.margin > 0 && w.apart && (!best || w.margin > best.margin)) best = { k, margin: w.margin };
    }
    if (best) cuts.push({ k: best.k, heads: 'preceding' });
  }
  return cuts.length === 0 ? [d] : cutAt(d, cuts, orient);
}

/** A cut at inner candidate k, whose lines head the text before or after it. */
interface Cut {
  readonly k: number;
  readonly heads: 'preceding' | 'following';
}

/** Cuts a draft at inner candidates, each becoming the headline of the side it heads. */
function cutAt(d: Draft, cuts: readonly Cut[], orient: Orientation): Draft[] {
  const pieces: Draft[] = [];
  let start = 0;
  let innerFrom = 0;
  // The draft's own stack heads its first piece (headlines first) or its last (headlines after).
  let heading: readonly StackLine[] | null = orient === 'headline-before' ? d.stack : null;
  const piece = (end: number, innerTo: number, stack: readonly StackLine[] | null): Draft => {
    const p = newDraft();
    p.body.push(...d.body.slice(start, end));
    p.inner.push(...d.inner.slice(innerFrom, innerTo).map((x) => ({ at: x.at - start, lines: x.lines })));
    p.stack = stack ? [...stack] : null;
    if (start === 0) p.dateline = d.dateline;
    return p;
  };
  for (const cut of cuts) {
    const c = d.inner[cut.k];
    pieces.push(piece(c.at, cut.k, cut.heads === 'preceding' ? heading ?? c.lines : heading));
    heading = cut.heads === 'following' ? c.lines : null;
    start = c.at + c.lines.length;
    innerFrom = cut.k + 1;
  }
  const last = piece(d.body.length, d.inner.length, heading ?? (orient === 'headline-after' ? d.stack : null));
  last.source = d.source;
  last.ended = d.ended;
  last.bylines.push(...d.bylines);
  last.photos.push(...d.photos);
  pieces.push(last);
  return pieces.filter((p) => p.body.length > 0 || p.stack);
}

/**
 * Words alone may make a headline of a line only when its shape allows: a subhead reads like a
 * clause (`多措并举，保障群众就业`) or wraps into a sentence, and the first line of a paragraph
 * stands one indent short of the column.
 */
/** Not a subhead, and not the first line of the text after it (unless a new column starts there). */
function standsApart(body: readonly PageLine[], i: number): boolean {
  if (shapedLikeSubhead(body, i) || isLetterSpaced(body[i].raw)) return false;
  return !looksLikeFirstLine(body, i) || columnChanges(body, i) || PHRASE_SPACE.test(body[i].raw.trim());
}

/**
 * Two phrases set apart by one space (`正风肃纪促廉洁 招商引资保发展`): a headline's parallel
 * halves. Running text never spaces words apart like this.
 */
const PHRASE_SPACE = /^[^\s]*[\u4e00-\u9fff]{3}[ \u3000][\u4e00-\u9fff]{3}[^\s]*$/;

function shapedLikeSubhead(body: readonly PageLine[], i: number): boolean {
  const l = body[i];
  const next = body[i + 1];
  const unquoted = l.flat.replace(/“[^”]*”|"[^"]*"/g, '');
  return sectionNumbering(l.flat) !== null || /[，,；]/.test(unquoted) || (next !== undefined && endsSentence(next.flat) && next.flat.length + l.flat.length <= 40);
}

/** A dateline that names its reporter and a byline of its own cannot belong to one article. */
function hasCreditConflict(d: Draft): boolean {
  const datelinePeople = d.dateline ? readPeople(d.dateline.raw.replace(/^[^（(]*/, ''), 'reporter').length > 0 : false;
  const bylines = [...d.bylines, ...(d.stack ?? []).filter((s) => s.role === 'byline').map((s) => s.line)];
  return datelinePeople && bylines.some((l) => readPeople(l.raw, 'author').length > 0);
}
