/**
 * Hidden headlines: an article's text may hold a second article whose headline was read as a
 * line of running text or a subhead. The words of the candidate line, or the credits, show
 * where to cut.
 */
import { type StackLine, withKicker } from './blocks';
import type { PageLine } from './lines';
import { type Draft, type Orientation, newDraft, stackText } from './draft';
import { BigramIndex, bigrams } from './similarity';
import { readPeople } from './people';
import { NOTICE_TITLE, isSalutation, sectionNumbering, setsPhrasesApart } from './classify';
import { columnChanges, looksLikeFirstLine } from './columns';
import { isLetterSpaced } from './damage';
import { SUBHEAD_MARK, shapedLikeSubhead } from './sections';

/** A headline takes most of its bigrams from its own article. */
const STRONG_OVERLAP = 0.5;
const OVERLAP_MARGIN = 0.25;
/** Fewer bigrams than this say too little to place a headline by its words. */
const MIN_WORDS = 4;
/** A subhead that names its part before a colon: `临湾板块：24家公司当日收涨`. */
const LABELLED_SUBHEAD = /^[\u4e00-\u9fff]{2,6}[：:]\S/;

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
  // A marked subhead heads a section, never another article; so do subheads that name their
  // part alike (`大盘：三大指数集体收涨`, `板块：电力、算力板块领涨`), two or more in one text.
  const labelled = d.inner.filter((c) => LABELLED_SUBHEAD.test(c.lines[0].line.flat)).length >= 2;
  const apart = d.inner.map((c) => {
    const flat = c.lines[0].line.flat;
    return !SUBHEAD_MARK.test(flat) && !(labelled && LABELLED_SUBHEAD.test(flat)) && standsApart(d.body, c.at);
  });
  // A numbered head over a line that ends in a colon (`三、意见反馈` / `公众可…反馈意见：`) is a section.
  const opensNotice = d.inner.map((c) => sectionNumbering(c.lines[0].line.flat) === null && isSalutation(d.body[c.at + c.lines.length]?.flat ?? ''));
  const after = orient === 'headline-after';
  // On a page that sets headlines first, a candidate may be a headline by its words alone (see repeated).
  const mayRepeat = d.inner.map((c) => mayBeRepeated(d.body, c.at, c.lines.length, after));
  if (!apart.includes(true) && !opensNotice.includes(true) && !mayRepeat.includes(true)) return [d];
  const words = d.inner.map((c) => bigrams(stackText(c.lines)));
  const wanted = new Set<number>();
  for (const w of words) for (const b of w) wanted.add(b);
  const index = new BigramIndex(d.body.map((l) => l.flat), wanted);
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
    } else if (w.own >= STRONG_OVERLAP && w.margin >= OVERLAP_MARGIN && w.words >= MIN_WORDS && (w.apart || (mayRepeat[k] && repeated(w, c.lines)))) {
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

/** Nearly every word of a headline is in its text, and hardly any in the other: */
const REPEATED_OVERLAP = 0.9;
const REPEATED_MARGIN = 0.75;
/** from this many words on. */
const REPEATED_WORDS = 8;

/**
 * A line that reads as a paragraph's first (as long as the column) is still a headline when its
 * own text repeats nearly all its words, and the other text hardly any (`省委理论学习中心组举行专题学习`
 * over `6月16日，省委理论学习中心组举行专题学习，…`; after a page's text, `林文博在黄泽县调研工业
 * 经济运行` under the brief that reports it): a paragraph's first line runs on into new words, and is
 * often a clause (`在美锦煤化工有限公司，张稳科`).
 */
function repeated(w: { own: number; margin: number; words: number }, lines: readonly StackLine[]): boolean {
  if (lines.some((s) => CLAUSE_MARK.test(s.line.flat))) return false;
  return w.own >= REPEATED_OVERLAP && w.margin >= REPEATED_MARGIN && w.words >= REPEATED_WORDS;
}

const CLAUSE_MARK = /[，,；;：:]/;

/**
 * Worth weighing for `repeated`: long enough, no clause, and its first words in its own text: in
 * the next lines under a headline set first, anywhere above one set after its text.
 */
function mayBeRepeated(body: readonly PageLine[], at: number, length: number, after: boolean): boolean {
  const flat = body[at].flat;
  if (flat.length <= REPEATED_WORDS || CLAUSE_MARK.test(flat)) return false;
  const opening = flat.slice(0, 2);
  if (!after) return body[at + length]?.flat.includes(opening) === true || body[at + length + 1]?.flat.includes(opening) === true;
  // Above, its first and its last words, in the lines that report it (a brief's few).
  const closing = flat.slice(-2);
  let first = false;
  let last = false;
  for (let k = Math.max(0, at - REPEATED_REACH); k < at && !(first && last); k++) {
    first ||= body[k].flat.includes(opening);
    last ||= body[k].flat.includes(closing);
  }
  return first && last;
}

/** How many lines above a headline set after its text are searched for its words first. */
const REPEATED_REACH = 30;

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
    p.brief = d.brief && !stack;
    if (start === 0) {
      p.dateline = d.dateline;
      p.continued = d.continued;
    }
    return p;
  };
  for (const cut of cuts) {
    const c = d.inner[cut.k];
    // Taken for a headline, a candidate's lines are a stack: its first may be a kicker.
    const lines = withKicker(c.lines);
    pieces.push(piece(c.at, cut.k, cut.heads === 'preceding' ? heading ?? lines : heading));
    heading = cut.heads === 'following' ? lines : null;
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
 * Words alone may make a headline of a line only when its shape allows: not a subhead, and not
 * the first line of the text after it (a paragraph's first line stands one indent short of the
 * column), unless a new column starts there or the line sets two phrases apart.
 */
function standsApart(body: readonly PageLine[], i: number): boolean {
  if (shapedLikeSubhead(body, i) || isLetterSpaced(body[i].raw)) return false;
  return !looksLikeFirstLine(body, i) || columnChanges(body, i) || setsPhrasesApart(body[i].raw);
}

/** A dateline that names its reporter and a byline of its own cannot belong to one article. */
function hasCreditConflict(d: Draft): boolean {
  const datelinePeople = d.dateline ? readPeople(d.dateline.raw.replace(/^[^（(]*/, ''), 'reporter').length > 0 : false;
  const bylines = [...d.bylines, ...(d.stack ?? []).filter((s) => s.role === 'byline').map((s) => s.line)];
  return datelinePeople && bylines.some((l) => readPeople(l.raw, 'author').length > 0);
}
