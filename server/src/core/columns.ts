/**
 * Column measures. Body text is justified to the column width, and a paragraph's first line is
 * indented two characters (the indent itself is lost in extraction). A line much shorter
 * than its neighbours that does not end a paragraph is a head, not running text.
 */
import type { PageLine } from './lines';

/** How many lines on each side of a line measure its column. */
const RADIUS = 8;
/**
 * Column widths of every line of a line array, computed once per array. Plain arrays: a page
 * makes one per article body, and small typed arrays cost more to make than they save.
 */
const columnCache = new WeakMap<readonly PageLine[], number[]>();

/** The column width around line i of `lines`: the upper quartile of nearby line widths. */
export function columnWidth(lines: readonly PageLine[], i: number): number {
  let widths = columnCache.get(lines);
  if (!widths) {
    widths = columnWidths(lines);
    columnCache.set(lines, widths);
  }
  return widths[i] ?? 0;
}

/** The sliding window of columnWidths, in order: one for all calls (a call runs to its end). */
const windowScratch = new Float64Array(2 * RADIUS + 1);

/**
 * Every line's column width in one pass: the window of widths slides down the lines, kept in
 * order by insertion, so each step costs one insertion and one removal.
 */
function columnWidths(lines: readonly PageLine[]): number[] {
  const widths: number[] = new Array<number>(lines.length).fill(0);
  const window = windowScratch;
  let size = 0;
  for (let n = -RADIUS - 1; n < lines.length; n++) {
    // Slide: the line RADIUS + 1 above n leaves the window, the line RADIUS below it enters.
    const outgoing = lines[n - RADIUS - 1];
    if (outgoing !== undefined && !outgoing.blank) {
      let at = 0;
      while (window[at] !== outgoing.width) at++;
      size--;
      for (; at < size; at++) window[at] = window[at + 1];
    }
    const incoming = lines[n + RADIUS];
    if (incoming !== undefined && !incoming.blank) {
      const w = incoming.width;
      let at = size++;
      while (at > 0 && window[at - 1] > w) {
        window[at] = window[at - 1];
        at--;
      }
      window[at] = w;
    }
    if (n < 0) continue;
    // The window holds line n itself; its quartile is taken over the others.
    const line = lines[n];
    let own = -1;
    if (!line.blank) {
      own = 0;
      while (window[own] !== line.width) own++;
    }
    const others = own < 0 ? size : size - 1;
    if (others === 0) {
      widths[n] = line.width;
      continue;
    }
    const q = Math.floor(others * 0.75);
    widths[n] = own < 0 || q < own ? window[q] : window[q + 1];
  }
  return widths;
}

/** How many lines before or after a line measure the column it stands in. */
const NEIGHBOURS = 6;
const quartileScratch = new Float64Array(NEIGHBOURS);

/** The upper quartile of the widths of the non-blank lines in [from, to) (at most NEIGHBOURS), or 0. */
function upperQuartile(lines: readonly PageLine[], from: number, to: number): number {
  let size = 0;
  for (let k = Math.max(0, from); k < Math.min(to, lines.length); k++) {
    if (lines[k].blank) continue;
    const w = lines[k].width;
    let at = size++;
    while (at > 0 && quartileScratch[at - 1] > w) {
      quartileScratch[at] = quartileScratch[at - 1];
      at--;
    }
    quartileScratch[at] = w;
  }
  return size ? quartileScratch[Math.floor(size * 0.75)] : 0;
}

/** The column width of the lines that follow line i (for a line that may open them). */
export function widthAfter(lines: readonly PageLine[], i: number): number {
  return upperQuartile(lines, i + 1, i + 1 + NEIGHBOURS);
}

/** The column width of the lines before line i. */
export function widthBefore(lines: readonly PageLine[], i: number): number {
  return upperQuartile(lines, i - NEIGHBOURS, i);
}

/** Columns of different widths meet at line i: a new text frame begins after it. */
export function columnChanges(lines: readonly PageLine[], i: number): boolean {
  const before = widthBefore(lines, i);
  const after = widthAfter(lines, i);
  return before > 0 && after > 0 && Math.abs(before - after) >= 2.5;
}

/** How much shorter than its column a line is, in em. */
export function shortfall(lines: readonly PageLine[], i: number): number {
  return columnWidth(lines, i) - lines[i].width;
}

/** A paragraph's first line stands two characters in from the column's edge. */
const PARAGRAPH_INDENT = 2;

/**
 * True when a line of `width` is clearly shorter than `than`: by more than a paragraph indent
 * and some slack, so it is no indented first line of that text but a line of its own (a head).
 */
export function clearlyShorter(width: number, than: number): boolean {
  return width < than - PARAGRAPH_INDENT - 1.5;
}

/**
 * True when line i is shaped like the first line of the text after it: indented by a
 * paragraph indent, or (in layouts that drop the indent) full width.
 */
export function looksLikeFirstLine(lines: readonly PageLine[], i: number): boolean {
  const after = widthAfter(lines, i);
  return after > 0 && lines[i].width <= after + 0.5 && !clearlyShorter(lines[i].width, after);
}
