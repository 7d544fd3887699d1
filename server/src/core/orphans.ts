/**
 * Headlines the layout set after another article's headline: a stack after a body may also hold
 * the headline of an earlier article left without one. Its words say which.
 */
import type { StackLine } from './blocks';
import { type Draft, stackText, textOf } from './draft';
import { bigrams, overlap } from './similarity';

/**
 * A headline stack after a body may also hold the headline of an earlier article that was
 * left without one (the layout set it after the next article's headline). Splits the stack
 * between the last draft and the untitled drafts just before it, when the words say so.
 */
export function assignOrphans(drafts: Draft[]): void {
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
