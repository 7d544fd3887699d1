/**
 * Extraction damage a typesetter wants to see before print: justified lines that came out
 * letter-spaced (`劳 动 力 和`), and a lone gap where a character was lost (`乡村振兴上 出`).
 */
import type { Range } from './model';
import type { PageLine } from './lines';
import { range } from './text';

export interface Damage {
  readonly kind: 'text-spaced' | 'glyph-gap';
  readonly range: Range;
}

/** At least this many Han characters in a row, each followed by a space, make a spaced run. */
const SPACED_RUN = 4;
const SPACED = new RegExp(`(?:[\\u4e00-\\u9fff][ \\u3000]){${SPACED_RUN - 1},}[\\u4e00-\\u9fff]`, 'g');
const GAP = /(?<=[\u4e00-\u9fff])[ \u3000](?=[\u4e00-\u9fff])/g;

export function findDamage(line: PageLine): Damage[] {
  const out: Damage[] = [];
  for (const m of line.raw.matchAll(SPACED)) {
    out.push({ kind: 'text-spaced', range: range(line.n, m.index, line.n, m.index + m[0].length) });
  }
  if (out.length > 0) return out;
  // A single gap between Han characters in an otherwise unspaced line; several gaps are
  // phrases set apart on purpose.
  const gaps = [...line.raw.trim().matchAll(GAP)];
  if (gaps.length === 1) {
    const at = line.raw.indexOf(line.raw.trim()) + gaps[0].index;
    out.push({ kind: 'glyph-gap', range: range(line.n, at - 1, line.n, at + 2) });
  }
  return out;
}
