/**
 * Pages longer than this (UTF-16 units: 32 MB of Chinese text, far beyond any real page) are
 * not parsed: the model of such a page could outgrow the memory of the server or the checker,
 * which must keep working for the pages around it.
 */
export const MAX_PAGE_LENGTH = 32 * 1024 * 1024;

/**
 * A page's length and the limit in millions of characters, to one decimal, rounded so that a
 * page just over the limit never reads as equal to it.
 */
export function sizeAgainstLimit(length: number): { size: string; limit: string } {
  return { size: (Math.ceil(length / 1e5) / 10).toFixed(1), limit: (Math.floor(MAX_PAGE_LENGTH / 1e5) / 10).toFixed(1) };
}
