/**
 * The model a page read from disk keeps. A workspace holds years of pages, and only the open
 * page's own features read paragraphs, sections, people, figures and dates; the index keeps
 * what issues, workspace symbols and jump targets read: ids, jumps, headlines, ranges, photo
 * ranges and captions, and the first paragraph of an untitled item (it is named by its first
 * words). A page is parsed in full again when it is opened.
 */
import type { Page } from '../core/model';
import { parseDocument } from '../core/parsePage';
import { readPageSync } from '../cli/readPage';

export function indexModel(page: Page): Page {
  // Field by field: a spread would read the page's figures, which are found on first read.
  return {
    uri: page.uri,
    id: page.id,
    idSource: page.idSource,
    furniture: page.furniture,
    items: page.items.map((item) => ({ ...item, people: [], sections: [], paragraphs: item.headline === null ? item.paragraphs.slice(0, 1) : [] })),
    photos: page.photos.map((photo) => ({ ...photo, people: [] })),
    jumps: page.jumps,
    figures: [],
    dates: [],
    lineCount: page.lineCount,
  };
}

/** A page file indexed: its index model, or why it could not be read. */
export type Indexed = { readonly page: Page } | { readonly error: string };

/** Reads a page file and makes its index model; never throws. */
export function indexPageFile(file: string, uri: string): Indexed {
  const read = readPageSync(file);
  if (!read.ok) return { error: read.error };
  try {
    return { page: indexModel(parseDocument(read.text, uri).page) };
  } catch (e) {
    return { error: `could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
