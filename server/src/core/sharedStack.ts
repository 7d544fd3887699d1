/**
 * Two stories' headlines set one under the other between their texts: the first story's after
 * its text, the next story's before its own (a page that mixes both orders in one column):
 *
 *   …打造不少于 / （下转A5版）
 *   我市出台提振消费“夏日十条” / 真金白银惠及千家万户      ← the text above
 *   全市4.6万名考生今起参加中考                         ← the text below
 *   本报讯（记者 卢映雪 万泽） 今天…
 *
 * The segmenter gives the whole stack to one side and leaves the other text without a headline.
 * Where the text below opens as a story does (a dateline or a byline under the stack) and the
 * text above has ended, the stack is shared: its last headline (with a kicker over it) heads the
 * text below, the lines before it the text above. Unless words say otherwise: a headline set in
 * two lines (`省见义勇为协会褒奖我市` / `见义勇为先进个人`) has both its parts' words in one text.
 */
import type { StackLine } from './blocks';
import { type Draft, stackText, textOf } from './draft';
import { lineEndsSentence } from './classify';
import { bigrams, overlap } from './similarity';

/** A text this short is a brief or a fragment, not a story waiting for its headline. */
const MIN_BODY_LINES = 3;

export function shareStacks(drafts: Draft[]): void {
  for (let k = 1; k < drafts.length; k++) {
    const above = drafts[k - 1];
    const below = drafts[k];
    if (!opensStory(below) || !hasEnded(above)) continue;
    const stack = isUntitledStory(above) ? below.stack : isUntitledStory(below) ? above.stack : null;
    const parts = stack && standsBetween(stack, above, below) ? cut(stack) : null;
    if (parts && wordsAgree(parts, above, below)) [above.stack, below.stack] = parts;
  }
}

function isUntitledStory(d: Draft): boolean {
  return d.stack === null && d.teaser === null && !d.brief && d.body.length >= MIN_BODY_LINES;
}

/** The stack stands after the text above, before the text below, with nothing else between. */
function standsBetween(stack: readonly StackLine[], above: Draft, below: Draft): boolean {
  const first = stack[0].line.n;
  const last = stack[stack.length - 1].line.n;
  const aboveEnd = above.body[above.body.length - 1]?.n ?? -1;
  const belowStart = below.body[0]?.n ?? Infinity;
  return aboveEnd < first && last < belowStart && above.photos.every((p) => p.last < first) && below.photos.every((p) => p.first > last);
}

/** The text below opens as a story: with a dateline or a byline right under the stack. */
function opensStory(d: Draft): boolean {
  const first = d.body[0];
  return first !== undefined && (d.dateline === first || d.bylines.some((b) => b.n < first.n));
}

/** The text above has ended: sent on to another page, or closed by a full stop. */
function hasEnded(d: Draft): boolean {
  const last = d.body[d.body.length - 1];
  return d.ended || (last !== undefined && lineEndsSentence(last));
}

/**
 * The stack cut before its last headline (and the kickers over it), when both parts hold a
 * headline and the first nothing else: a subtitle or a byline belongs to the headline above it.
 */
function cut(stack: readonly StackLine[]): [StackLine[], StackLine[]] | null {
  let at = stack.length - 1;
  while (at >= 0 && stack[at].role !== 'headline') at--;
  while (at > 0 && stack[at - 1].role === 'kicker') at--;
  const head = stack.slice(0, at);
  const tail = stack.slice(at);
  if (head.length === 0 || head.some((s) => s.role === 'subtitle' || s.role === 'byline')) return null;
  if (!head.some((s) => s.role === 'headline')) return null;
  return [head, tail];
}

/** Neither part's words come more from the other part's text than from its own. */
function wordsAgree([head, tail]: readonly [readonly StackLine[], readonly StackLine[]], above: Draft, below: Draft): boolean {
  const aboveWords = bigrams(textOf(above.body));
  const belowWords = bigrams(textOf(below.body));
  const headText = stackText(head);
  const tailText = stackText(tail);
  return overlap(headText, aboveWords) >= overlap(headText, belowWords) && overlap(tailText, belowWords) >= overlap(tailText, aboveWords);
}
