/**
 * Multi-document fixtures, texlab style: one string holds a whole issue, and a line
 * `%! 01.news` starts each page file. All files live in one fake folder (`/issue/`), so they
 * form one issue.
 *
 *     const f = fixture(`
 *     %! 01.news
 *     第01版：要闻
 *     …（下转4版）
 *     %! 04.news
 *     （上接1版）…$0
 *     `);
 *
 * - Text before the first `%!` line must be blank.
 * - The indentation of a `%!` line is removed from the lines of its file (so a fixture can
 *   be indented with the test code); deeper indentation stays, since the parser reads it.
 * - A file's text is its lines joined with `\n`, trailing blank lines dropped, ending in `\n`.
 * - `$0` marks a cursor: it is removed from the text and its position (an LSP position, UTF-16)
 *   is returned as `cursor`. At most one per fixture.
 */
import { URI } from 'vscode-uri';
import type { Position } from '../../server/src/core/model';
import type { GalleyDiagnostic } from '../../server/src/core/diagnostic';
import { parseDocument, type ParsedDocument } from '../../server/src/core/parsePage';
import { Issue } from '../../server/src/core/issue';
import { computeDiagnostics, type DiagnosticOptions } from '../../server/src/languageFeatures/diagnostics';

/** The fake folder every fixture file lives in. */
export const FIXTURE_FOLDER = '/issue/';

const CURSOR = '$0';
const FILE_LINE = /^([ \t]*)%!\s*(\S.*?)\s*$/;

export interface FixtureDoc {
  /** The file name as written after `%!`. */
  readonly name: string;
  /** `file:///issue/<name>`, percent-encoded as an editor sends it. */
  readonly uri: string;
  readonly text: string;
}

export interface FixtureCursor {
  readonly name: string;
  readonly uri: string;
  readonly position: Position;
}

export interface ParsedFixture {
  /** In the order the files were written. */
  readonly docs: readonly ParsedDocument[];
  readonly issue: Issue;
}

export interface Fixture {
  readonly docs: readonly FixtureDoc[];
  /** Where `$0` was, or null when the fixture has none. */
  readonly cursor: FixtureCursor | null;
  /** The uri of a file by name; throws for a name the fixture does not have. */
  uri(name: string): string;
  /** Every file parsed (once, then cached) and the issue they make. */
  parse(): ParsedFixture;
  /** The parsed document of a file by name. */
  doc(name: string): ParsedDocument;
  /** `computeDiagnostics` for one file against the whole issue. */
  diagnosticsOf(name: string, options?: DiagnosticOptions): GalleyDiagnostic[];
}

export const fixtureUri = (name: string): string => URI.file(FIXTURE_FOLDER + name).toString();

export function fixture(source: string): Fixture {
  const lines = source.split(/\r\n|\n/);
  const files: { name: string; indent: string; lines: string[] }[] = [];
  for (const line of lines) {
    const m = FILE_LINE.exec(line);
    if (m) {
      files.push({ name: m[2], indent: m[1], lines: [] });
      continue;
    }
    const current = files[files.length - 1];
    if (!current) {
      if (line.trim() !== '') throw new Error(`fixture: text before the first '%! name' line: ${JSON.stringify(line)}`);
      continue;
    }
    current.lines.push(line.startsWith(current.indent) ? line.slice(current.indent.length) : line.trimStart());
  }
  if (files.length === 0) throw new Error("fixture: no '%! name' line");

  const seen = new Set<string>();
  let cursor: FixtureCursor | null = null;
  const docs: FixtureDoc[] = files.map((f) => {
    if (seen.has(f.name)) throw new Error(`fixture: file ${f.name} given twice`);
    seen.add(f.name);
    const body = [...f.lines];
    while (body.length > 0 && body[body.length - 1].trim() === '') body.pop();
    const uri = fixtureUri(f.name);
    const text = body.map((line, n) => {
      const at = line.indexOf(CURSOR);
      if (at < 0) return line;
      if (cursor || line.indexOf(CURSOR, at + 1) >= 0) throw new Error(`fixture: more than one ${CURSOR}`);
      cursor = { name: f.name, uri, position: { line: n, character: at } };
      return line.slice(0, at) + line.slice(at + CURSOR.length);
    });
    return { name: f.name, uri, text: text.join('\n') + '\n' };
  });

  const byName = (name: string): number => {
    const i = docs.findIndex((d) => d.name === name);
    if (i < 0) throw new Error(`fixture: no file ${name} (have ${docs.map((d) => d.name).join(', ')})`);
    return i;
  };
  let parsed: ParsedFixture | undefined;
  const parse = (): ParsedFixture => {
    if (!parsed) {
      const pdocs = docs.map((d) => parseDocument(d.text, d.uri));
      parsed = { docs: pdocs, issue: new Issue(pdocs.map((d) => d.page)) };
    }
    return parsed;
  };
  return {
    docs,
    cursor,
    uri: (name) => docs[byName(name)].uri,
    parse,
    doc: (name) => parse().docs[byName(name)],
    diagnosticsOf: (name, options) => {
      const { docs: pdocs, issue } = parse();
      return computeDiagnostics(pdocs[byName(name)], issue, options);
    },
  };
}
