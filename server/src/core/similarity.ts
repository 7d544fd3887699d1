/**
 * Word overlap between a headline and a stretch of text, by Han character bigrams. A headline
 * names what its article is about, so most of its bigrams recur in its own body; this is how
 * an orphan headline finds its article when position alone is ambiguous.
 *
 * A bigram is a number (two UTF-16 units), which keeps the sets small and fast.
 */

const isGap = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13 || c === 0x3000;

const isLatin = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
/** Latin words count from this length on; shorter ones are mostly function words. */
const MIN_WORD = 4;
/**
 * Keys stay small integers (below 2^30), which V8 hashes fastest: a Han bigram is its two
 * characters' places in the CJK block (below 2^29), a Latin word a hash above them.
 */
const HAN_SPAN = 0xa000 - 0x4e00;
const WORD_SPACE = 1 << 29;
const WORD_MASK = (1 << 29) - 1;

/** A bigram's place in a filter table of 2^16 entries (Fibonacci hashing). */
const slot = (b: number): number => Math.imul(b, 0x9e3779b1) >>> 16;

/**
 * The slots of the bigrams an index is built for. Shared by every index, marked while one is
 * built and cleared after, so the scan needs no allocation and almost never a set lookup.
 */
const WANTED_SLOTS = new Uint8Array(1 << 16);

/**
 * Calls `emit` with each Han bigram of the text, and each Latin word (as a hash), in order.
 * Spaces do not break a Han word; punctuation does. `lead`, a character code, is read before
 * the text (the last character of the line before it); given `filter`, only Han bigrams whose
 * slot it marks are emitted.
 */
function eachBigram(text: string, emit: (bigram: number) => void, lead = -1, filter?: Uint8Array): void {
  let prev = -1;
  let word = 0;
  let wordLength = 0;
  // The lead is read as the text's first character would be, but outside the loop: the loop
  // runs once per character of the page and asks nothing else of its index.
  if (lead >= 0x4e00 && lead <= 0x9fff) prev = lead;
  else if (isLatin(lead)) {
    word = Math.imul(2166136261 ^ (lead | 32), 16777619);
    wordLength = 1;
  }
  const end = text.length;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    // Han text is nearly all of a page: its path is tried first and touches no word state.
    if (c >= 0x4e00 && c <= 0x9fff) {
      if (wordLength > 0) {
        if (wordLength >= MIN_WORD) emit(WORD_SPACE + (word & WORD_MASK));
        wordLength = 0;
      }
      if (prev >= 0) {
        const b = (prev - 0x4e00) * HAN_SPAN + (c - 0x4e00);
        if (filter === undefined || filter[slot(b)] === 1) emit(b);
      }
      prev = c;
      continue;
    }
    if (isLatin(c)) {
      // FNV-1a over the lower-cased letters.
      word = wordLength === 0 ? Math.imul(2166136261 ^ (c | 32), 16777619) : Math.imul(word ^ (c | 32), 16777619);
      wordLength++;
      continue;
    }
    if (wordLength > 0) {
      if (wordLength >= MIN_WORD) emit(WORD_SPACE + (word & WORD_MASK));
      wordLength = 0;
    }
    if (!isGap(c)) prev = -1;
  }
  if (wordLength >= MIN_WORD) emit(WORD_SPACE + (word & WORD_MASK));
}

/** The Han bigrams of a text. */
export function bigrams(text: string): Set<number> {
  const out = new Set<number>();
  eachBigram(text, (b) => out.add(b));
  return out;
}

/** The share of the headline's bigrams found in the text: 0 (nothing shared) to 1. */
export function overlap(headline: string, text: Set<number>): number {
  const h = bigrams(headline);
  if (h.size === 0) return 0;
  let found = 0;
  for (const b of h) if (text.has(b)) found++;
  return found / h.size;
}

/**
 * Where each bigram occurs in a run of lines, so the overlap of a headline with any stretch of
 * the lines costs a few binary searches instead of a re-read of the stretch.
 */
export class BigramIndex {
  readonly #at = new Map<number, number[]>();

  /**
   * Indexes the bigrams of `wanted` (the words of the headlines to be placed); the rest of the
   * text is only scanned. Bigrams that span a line break count for the later line.
   */
  constructor(lines: readonly string[], wanted: ReadonlySet<number>) {
    if (wanted.size === 0) return;
    // Most of the text shares no bigram with the headlines: it is skipped without a set lookup.
    for (const b of wanted) WANTED_SLOTS[slot(b)] = 1;
    let i = 0;
    const at = this.#at;
    const add = (b: number): void => {
      if (!wanted.has(b)) return;
      const list = at.get(b);
      if (!list) at.set(b, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    };
    let lead = -1;
    for (; i < lines.length; i++) {
      const line = lines[i];
      eachBigram(line, add, lead, WANTED_SLOTS);
      lead = line.length > 0 ? line.charCodeAt(line.length - 1) : -1;
    }
    for (const b of wanted) WANTED_SLOTS[slot(b)] = 0;
  }

  /** True when the bigram occurs on a line in [from, to). */
  #occurs(b: number, from: number, to: number): boolean {
    const list = this.#at.get(b);
    if (!list) return false;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid] < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length && list[lo] < to;
  }

  /** The share of a headline's bigrams (made once by the caller, who asks of several stretches) found on lines [from, to). */
  overlap(headline: ReadonlySet<number>, from: number, to: number): number {
    if (headline.size === 0 || from >= to) return 0;
    let found = 0;
    for (const b of headline) if (this.#occurs(b, from, to)) found++;
    return found / headline.size;
  }
}
