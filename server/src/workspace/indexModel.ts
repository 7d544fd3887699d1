/**
 * The model a page read from disk keeps. A workspace holds years of pages, and only the open
 * page's own features read paragraphs, sections, people, figures and dates; the index keeps
 * what issues, workspace symbols and jump targets read, a page's summary (see parseSummary).
 * A page is parsed in full again when it is opened.
 */
import type { Page } from '../core/model';
import { parseSummary } from '../core/parsePage';
import { readPage } from '../cli/readPage';

/** A page file indexed: its index model, or why it could not be read. */
export type Indexed = { readonly page: Page } | { readonly error: string };

/** Reads a page file and makes its index model; never throws. */
export function indexPageFile(file: string, uri: string): Indexed {
  const read = readPage(file);
  if (!read.ok) return { error: read.error };
  try {
    return { page: parseSummary(read.text, uri) };
  } catch (e) {
    return { error: `could not be parsed: ${e instanceof Error ? e.message : String(e)}` };
  }
}
