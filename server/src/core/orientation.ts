/**
 * The page's orientation: whether it sets headlines after their body (PDF e-paper text: the
 * headline block comes out last) or before it (clean exports). It is decided once per page,
 * from where its headline stacks stand and which text their words belong to.
 */
import type { Block } from './blocks';
import type { Orientation } from './draft';
import { BigramIndex, bigrams } from './similarity';
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
  const facing = new Map<Block, Facing>();
  for (const { at, words } of stacks) {
    const [from, to] = neighbours(content, at);
    const before = index.overlap(words, from, at);
    const after = index.overlap(words, at + 1, to);
    vote += before - after;
    if (words.size >= DECISIVE_WORDS && Math.max(before, after) >= DECISIVE_SHARE && Math.min(before, after) <= STRAY_SHARE) {
      facing.set(content[at], before > after ? 'preceding' : 'following');
    }
  }
  return { orient: vote >= 0 ? 'headline-after' : 'headline-before', facing };
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
