/**
 * Pages that set one story's headline before its text and the next story's after it (a feature
 * headed at the top of a page whose other headlines follow their text). A headline after text
 * that a headline before already heads closes two stories: its words say where the second
 * one's text begins.
 */
import type { StackLine } from './blocks';
import { type Draft, newDraft, stackWords } from './draft';
import { lineEndsSentence } from './classify';
import { BigramIndex } from './similarity';

/** The new headline takes most of its words from its own text, */
const OWN_OVERLAP = 0.5;
/** and the two headlines' words part at the cut by this much, together. */
const PARTING = 0.6;
/** Each story keeps at least this many lines. */
const MIN_LINES = 2;

/**
 * Cuts the text of `d` (headed by its own stack) where the text `after`'s headline heads begins,
 * and returns that text as a draft of its own; null when the words do not show such a place.
 * Cuts fall between paragraphs.
 */
export function splitOwnText(d: Draft, after: readonly StackLine[]): Draft | null {
  if (!d.stack || d.body.length < 2 * MIN_LINES) return null;
  const own = stackWords(d.stack);
  const next = stackWords(after);
  if (own.size === 0 || next.size === 0) return null;
  const wanted = new Set([...own, ...next]);
  const index = new BigramIndex(d.body.map((l) => l.flat), wanted);
  const n = d.body.length;
  let best: { at: number; parting: number } | null = null;
  for (let at = MIN_LINES; at <= n - MIN_LINES; at++) {
    if (!lineEndsSentence(d.body[at - 1])) continue;
    const nextOwn = index.overlap(next, at, n);
    if (nextOwn < OWN_OVERLAP) continue;
    const parting = nextOwn - index.overlap(next, 0, at) + index.overlap(own, 0, at) - index.overlap(own, at, n);
    if (parting >= PARTING && (!best || parting > best.parting)) best = { at, parting };
  }
  if (!best) return null;
  const tail = newDraft();
  tail.body.push(...d.body.splice(best.at));
  const cutAt = best.at;
  for (let k = d.inner.length - 1; k >= 0; k--) {
    const c = d.inner[k];
    if (c.at < cutAt) continue;
    tail.inner.unshift({ at: c.at - cutAt, lines: c.lines });
    d.inner.splice(k, 1);
  }
  // Photos and bylines set after the cut go with the text they follow.
  const first = tail.body[0].n;
  moveAfter(d.photos, tail.photos, (p) => p.first > first);
  moveAfter(d.bylines, tail.bylines, (l) => l.n > first);
  tail.source = d.source;
  tail.ended = d.ended;
  d.source = null;
  d.ended = true;
  return tail;
}

/** Moves the items of `from` that `belongs` to the end of `to`, in order. */
function moveAfter<T>(from: T[], to: T[], belongs: (x: T) => boolean): void {
  const keep = from.filter((x) => !belongs(x));
  to.push(...from.filter(belongs));
  from.splice(0, from.length, ...keep);
}
