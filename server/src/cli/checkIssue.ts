/**
 * Checks the page files of one issue: reads and parses them, resolves their jump lines among
 * themselves, and computes each page's diagnostics. An issue is the unit the checker spreads
 * over worker threads.
 */
import { parseDocument, type ParsedDocument } from '../core/parsePage';
import { Issue } from '../core/issue';
import type { GalleyDiagnostic } from '../core/diagnostic';
import { computeDiagnostics } from '../languageFeatures/diagnostics';
import { readPage } from './readPage';

export interface LoadedIssue {
  readonly docs: ParsedDocument[];
  readonly issue: Issue;
}

/** Reads and parses page files; unreadable ones are reported in `failures` and left out. */
export function loadIssue(files: readonly string[], failures: string[]): LoadedIssue {
  const docs: ParsedDocument[] = [];
  for (const file of files) {
    const read = readPage(file);
    if (!read.ok) {
      failures.push(`${read.path}: error: ${read.error}`);
      continue;
    }
    docs.push(parseDocument(read.text, file));
  }
  return { docs, issue: new Issue(docs.map((d) => d.page)) };
}

export interface CheckedPage {
  readonly path: string;
  readonly uri: string;
  readonly diagnostics: GalleyDiagnostic[];
}

export interface CheckedIssue {
  readonly pages: CheckedPage[];
  /** One line per file that could not be read. */
  readonly failures: string[];
}

export function checkIssue(files: readonly string[]): CheckedIssue {
  const failures: string[] = [];
  const { docs, issue } = loadIssue(files, failures);
  return { pages: docs.map((doc) => ({ path: doc.page.uri, uri: doc.page.uri, diagnostics: computeDiagnostics(doc, issue) })), failures };
}
