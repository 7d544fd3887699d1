/**
 * The page's orientation: whether it sets headlines after their body (PDF e-paper text: the
 * headline block comes out last) or before it (clean exports). It is decided once per page,
 * from where its headline stacks stand and which text their words belong to.
 */
import type { Block, StackLine } from './blocks';
import { type Orientation, stackWords } from './draft';
import { BigramIndex } from './similarity';
import { isSalutation } from './classify';
import { looksLikeFirstLine } from './columns';
import { shapedLikeSubhead } from './sections';

/** The side of its text a headline stack stands on: after it (`preceding`) or before it. */
export type Facing = 'preceding' | 'following';

/** How a page orders headlines and text, and the stacks whose own words decide otherwise. */
export interface Order {
  readonly orient: Orientation;
  /** Stacks whose words come decisively from one side, whatever the page's orientation says. */
  readonly facing: ReadonlyMap<Block, Facing>;
  /**
   * Stacks that hold two stories' headlines, the first of the text before them and the second
   * of the text after (`市人民医院成功开展…` / `暑期儿童近视防控“三字诀”` / `□本报记者 周敏`).
   */
  readonly split: ReadonlyMap<Block, readonly [readonly StackLine[], readonly StackLine[]]>;
}

/** A side holds at least this share of a stack's words, */
const DECISIVE_SHARE = 0.6;
/** and the other side at most this share, for the words to decide the stack's side alone. */
const STRAY_SHARE = 0.2;
/** Fewer bigrams than this say too little. */
const DECISIVE_WORDS = 4;

/**
 * Decides where headlines stand. Strong evidence: a stack that opens the page before any text
 * (headlines first) or closes it after all text (headlines after). Otherwise each stack that
 * sits between two stretches of text votes for the side its words come from; where its words
 * come from one side alone, that side is its own (pages that mix both orders).
 */
export function readOrder(blocks: readonly Block[]): Order {
  const content = blocks.filter((b) => b.type !== 'furniture' && b.type !== 'photo');
  let vote = 0;
  const first = content.find((b) => b.type !== 'teaser');
  let last: Block | undefined;
  for (let i = content.length - 1; i >= 0 && !last; i--) if (content[i].type !== 'teaser' && content[i].type !== 'byline') last = content[i];
  // A continuation's headline, repeated over it (`…` / `（上接第1版）…`), stands over it on any
  // page: it says nothing of how the page sets its own stories.
  const firstAt = first ? content.indexOf(first) : -1;
  if (first?.type === 'stack' && !opensContinuation(content[firstAt + 1]) && (!first.inner || headsTopOfPage(content))) vote -= 2;
  if (last?.type === 'stack' && !last.inner) vote += 2;
  // The headline stacks, by place in `content`, with their words. A page of a thousand lines
  // holds a few dozen: the loops below go over the page once.
  const stacks: { at: number; lines: readonly StackLine[]; words: Set<number> }[] = [];
  const wanted = new Set<number>();
  const text: string[] = [];
  for (let i = 0; i < content.length; i++) {
    const b = content[i];
    // An inner stack is running text too: the first line of a paragraph, taken for a headline.
    text.push(b.type === 'text' || b.type === 'dateline' ? b.line.flat : b.type === 'stack' && b.inner ? b.lines.map((s) => s.line.flat).join('') : '');
    if (b.type !== 'stack' || b.inner) continue;
    const words = stackWords(b.lines);
    stacks.push({ at: i, lines: b.lines, words });
    for (const w of words) wanted.add(w);
  }
  const index = new BigramIndex(text, wanted);
  const facing = new Map<Block, Facing>();
  const split = new Map<Block, readonly [readonly StackLine[], readonly StackLine[]]>();
  for (const { at, lines, words } of stacks) {
    const [from, to] = neighbours(content, at);
    const side = (w: ReadonlySet<number>) => sideOf(w, index.overlap(w, from, at), index.overlap(w, at + 1, to));
    const before = index.overlap(words, from, at);
    const after = index.overlap(words, at + 1, to);
    vote += before - after;
    // Two stories' headlines in one stack show in their words first: together they lean to one side.
    const parts = twoStories(lines, side);
    const own = parts ? null : sideOf(words, before, after);
    if (parts) split.set(content[at], parts);
    else if (own) facing.set(content[at], own);
  }
  return { orient: vote >= 0 ? 'headline-after' : 'headline-before', facing, split };
}

/** The block opens a continuation from another page: `（上接第1版）`, alone or opening its line. */
function opensContinuation(b: Block | undefined): boolean {
  return (b?.type === 'jump' && b.direction === 'from') || (b?.type === 'text' && b.startsWithFrom === true);
}

/** The side words come from when they come from one side alone: most of them there, few on the other. */
function sideOf(words: ReadonlySet<number>, before: number, after: number): Facing | null {
  if (words.size < DECISIVE_WORDS || Math.max(before, after) < DECISIVE_SHARE || Math.min(before, after) > STRAY_SHARE) return null;
  return before > after ? 'preceding' : 'following';
}

/**
 * The stack cut in two at a headline line, when the words of the lines before the cut come from
 * the text before the stack and those of the lines after it from the text after.
 */
function twoStories(lines: readonly StackLine[], side: (words: ReadonlySet<number>) => Facing | null): readonly [StackLine[], StackLine[]] | null {
  for (let k = 1; k < lines.length; k++) {
    if (lines[k].role !== 'headline') continue;
    // A kicker goes with the headline under it: `教育时评` / `让“双减”成果在暑期延续`.
    let cut = k;
    while (cut > 0 && lines[cut - 1].role === 'kicker') cut--;
    const head = lines.slice(0, cut);
    const tail = lines.slice(cut);
    if (!head.some((s) => s.role === 'headline')) continue;
    if (side(stackWords(head)) === 'preceding' && side(stackWords(tail)) === 'following') return [head, tail];
  }
  return null;
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
