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

const isHan = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/**
 * True when a space stands between two Han characters somewhere in the text. Both kinds of
 * damage need one, and most lines have none: they are passed over without a pattern.
 */
function hasHanGap(raw: string): boolean {
  for (let i = 1; i + 1 < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if ((c === 32 || c === 0x3000) && isHan(raw.charCodeAt(i - 1)) && isHan(raw.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** True when the line holds letter-spaced text: a justified line stretched to its column. */
export function isLetterSpaced(raw: string): boolean {
  if (!hasHanGap(raw)) return false;
  SPACED.lastIndex = 0;
  return SPACED.test(raw);
}

export function findDamage(line: PageLine): Damage[] {
  if (!hasHanGap(line.raw)) return [];
  // matchAll starts where the shared pattern's last test left off: from the line's start.
  SPACED.lastIndex = 0;
  const runs = [...line.raw.matchAll(SPACED)];
  if (runs.length > 0) {
    // One hint per line, from the first spaced run to the last.
    const last = runs[runs.length - 1];
    return [{ kind: 'text-spaced', range: range(line.n, runs[0].index, line.n, last.index + last[0].length) }];
  }
  // A single gap between Han characters in an otherwise unspaced line; several gaps are
  // phrases set apart on purpose.
  const gaps = [...line.raw.matchAll(GAP)];
  return gaps.length === 1 && !deliberate(line.raw, gaps[0].index)
    ? [{ kind: 'glyph-gap', range: range(line.n, gaps[0].index - 1, line.n, gaps[0].index + 2) }]
    : [];
}

/**
 * Spaces that typesetting puts between Han characters on purpose: between the names of a
 * reporter bracket (`（记者 王涛）`), after a dateline (`本报讯 近日`), and inside a label
 * padded to align (`邮 编：`).
 */
function deliberate(raw: string, at: number): boolean {
  const before = raw.slice(0, at);
  const opened = (before.match(/[（(]/g)?.length ?? 0) > (before.match(/[）)]/g)?.length ?? 0);
  return opened || /[讯电]$/.test(before) || /^[^：:]{1,2}[：:]/.test(raw.slice(at + 1));
}
