/**
 * Word overlap between a headline and a stretch of text, by Han character bigrams. A headline
 * names what its article is about, so most of its bigrams recur in its own body; this is how
 * an orphan headline finds its article when position alone is ambiguous.
 */

/** The Han bigrams of a text; punctuation and spaces break words. */
export function bigrams(text: string): Set<string> {
  const out = new Set<string>();
  let prev = '';
  for (const ch of text) {
    if (/[\u4e00-\u9fff]/.test(ch)) {
      if (prev) out.add(prev + ch);
      prev = ch;
    } else if (!/\s/.test(ch)) prev = '';
  }
  return out;
}

/** The share of the headline's bigrams found in the text: 0 (nothing shared) to 1. */
export function overlap(headline: string, text: Set<string>): number {
  const h = bigrams(headline);
  if (h.size === 0) return 0;
  let found = 0;
  for (const b of h) if (text.has(b)) found++;
  return found / h.size;
}
