/**
 * Output formatters for `galley check`: compiler-style lines, JSON and SARIF 2.1.0.
 *
 * Columns: the core's ranges are LSP ranges (0-based lines, UTF-16 code-unit characters, end
 * exclusive). Compiler-style output, the JSON line/column fields and SARIF regions use 1-based
 * lines and 1-based columns counted in UTF-16 code units (LSP character + 1), as tsc does; SARIF
 * says so with `columnKind: "utf16CodeUnits"`. An end column is exclusive: it names the column
 * just after the last character, as in SARIF.
 */
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { DiagnosticCode, GalleyDiagnostic, LocalizedMessage, Severity } from '../core/diagnostic';
import type { Range } from '../core/model';

export type Locale = 'en' | 'zh';

/** The diagnostics of one page file. */
export interface FileResult {
  /** The path to show (relative to the working folder when the file is under it). */
  readonly path: string;
  /** The document URI the core used for this file, to resolve related locations. Optional. */
  readonly uri?: string;
  readonly diagnostics: readonly GalleyDiagnostic[];
}

/** 1-based line and column (UTF-16 character + 1) of an LSP range. */
interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

function span(range: Range): Span {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A message on one line: compiler-style output is one diagnostic per line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function localize(message: LocalizedMessage, locale: Locale): string {
  return message[locale] || message.en;
}

/**
 * `file:line:col: severity code message`, like gcc and tsc: 1-based line, 1-based column in
 * UTF-16 code units (LSP character + 1). Severity is the core's word (error, warning,
 * information, hint). Related locations are left out; JSON and SARIF carry them.
 */
export function formatCompiler(d: GalleyDiagnostic, displayPath: string, locale: Locale): string {
  const { line, column } = span(d.range);
  return `${displayPath}:${line}:${column}: ${d.severity} ${d.code} ${oneLine(localize(d.message, locale))}`;
}

/**
 * JSON output, version 1. The shape (stable; fields are only ever added):
 *
 * ```
 * {
 *   "version": 1,
 *   "locale": "en" | "zh",
 *   "files": [{
 *     "path": string,                       // as given to the formatter
 *     "diagnostics": [{
 *       "code": string,                     // e.g. "jump-unmatched"
 *       "severity": "error" | "warning" | "information" | "hint",
 *       "message": string,                  // in the chosen locale
 *       "line": number, "column": number,   // 1-based; column = UTF-16 character + 1
 *       "endLine": number, "endColumn": number,   // 1-based, end exclusive
 *       "range": LSP range,                 // 0-based, as the core reported it
 *       "related": [{
 *         "path": string,                   // resolved display path (or the URI when unknown)
 *         "uri": string,                    // the URI as the core reported it
 *         "message": string,
 *         "line", "column", "endLine", "endColumn", "range"   // as above
 *       }]
 *     }]
 *   }],
 *   "summary": { "files": n, "filesWithDiagnostics": n, "errors": n, "warnings": n, "information": n, "hints": n }
 * }
 * ```
 */
export function formatJson(results: readonly FileResult[], locale: Locale): string {
  const paths = pathResolver(results);
  const summary = { files: results.length, filesWithDiagnostics: 0, errors: 0, warnings: 0, information: 0, hints: 0 };
  const summaryKey: Record<Severity, 'errors' | 'warnings' | 'information' | 'hints'> = {
    error: 'errors',
    warning: 'warnings',
    information: 'information',
    hint: 'hints',
  };
  const files = results.map((r) => {
    if (r.diagnostics.length > 0) summary.filesWithDiagnostics++;
    return {
      path: r.path,
      diagnostics: r.diagnostics.map((d) => {
        summary[summaryKey[d.severity]]++;
        return {
          code: d.code,
          severity: d.severity,
          message: localize(d.message, locale),
          ...span(d.range),
          range: plainRange(d.range),
          related: d.related.map((rel) => ({
            path: paths(rel.uri),
            uri: rel.uri,
            message: localize(rel.message, locale),
            ...span(rel.range),
            range: plainRange(rel.range),
          })),
        };
      }),
    };
  });
  return JSON.stringify({ version: 1, locale, files, summary }, null, 2);
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** Short rule descriptions for SARIF viewers; a code missing here gets none. */
const RULE_DESCRIPTIONS: Partial<Record<DiagnosticCode, LocalizedMessage>> = {
  'jump-missing-page': { en: 'A jump line names no page.', zh: '转版标记缺少版次。' },
  'jump-target-missing': { en: 'A jump line names a page that is not in the issue.', zh: '转版标记所指的版面不在本期中。' },
  'jump-unmatched': { en: 'A jump line has no matching jump line on the other page.', zh: '转版标记在另一版找不到对应的接续标记。' },
  'jump-ambiguous': { en: 'A jump line matches more than one place.', zh: '转版标记可对应多处。' },
  'jump-self': { en: 'A jump line names its own page.', zh: '转版标记指向本版。' },
  'teaser-target-missing': { en: 'A teaser points to a page that is not in the issue.', zh: '导读所指的版面不在本期中。' },
  'headline-missing': { en: 'An article has no headline.', zh: '文章缺少标题。' },
  'bracket-unbalanced': { en: 'A bracket is not closed or not opened.', zh: '括号不配对。' },
  'text-spaced': { en: 'Text is letter-spaced (spaces between characters).', zh: '文字间有多余空格。' },
  'glyph-gap': { en: 'A glyph is missing from the extracted text.', zh: '提取的文本中缺字。' },
};

/**
 * SARIF 2.1.0: one run, tool.driver {name "galley", version, rules (one per code that occurs,
 * sorted)}, one result per diagnostic with ruleId, ruleIndex, level (error | warning | note),
 * message.text, a physical location (relative URI, 1-based region) and relatedLocations.
 */
export function formatSarif(results: readonly FileResult[], locale: Locale, toolVersion: string): string {
  const paths = pathResolver(results);
  const codes = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.code)))].sort();
  const ruleIndex = new Map(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => {
    const description = RULE_DESCRIPTIONS[code];
    return {
      id: code,
      name: code,
      ...(description ? { shortDescription: { text: localize(description, locale) } } : {}),
    };
  });

  const location = (displayPath: string, range: Range) => ({
    artifactLocation: { uri: toSarifUri(displayPath) },
    region: { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 },
  });

  const sarifResults = results.flatMap((r) =>
    r.diagnostics.map((d) => ({
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: SARIF_LEVEL[d.severity],
      message: { text: localize(d.message, locale) },
      locations: [{ physicalLocation: location(r.path, d.range) }],
      ...(d.related.length > 0
        ? {
            relatedLocations: d.related.map((rel, i) => ({
              id: i + 1,
              physicalLocation: location(paths(rel.uri), rel.range),
              message: { text: localize(rel.message, locale) },
            })),
          }
        : {}),
    })),
  );

  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'galley', version: toolVersion, rules } },
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function plainRange(range: Range): Range {
  return {
    start: { line: range.start.line, character: range.start.character },
    end: { line: range.end.line, character: range.end.character },
  };
}

/**
 * Maps a core URI to a display path: the path of the result it belongs to (by the result's
 * `uri`, or the `uri` of its diagnostics), else a `file:` URI made relative to the working
 * folder, else the URI unchanged.
 */
function pathResolver(results: readonly FileResult[]): (uri: string) => string {
  const known = new Map<string, string>();
  for (const r of results) {
    if (r.uri !== undefined) known.set(r.uri, r.path);
    for (const d of r.diagnostics) if (!known.has(d.uri)) known.set(d.uri, r.path);
  }
  return (uri) => {
    const hit = known.get(uri);
    if (hit !== undefined) return hit;
    if (uri.startsWith('file:')) {
      try {
        const file = fileURLToPath(uri);
        const rel = path.relative(process.cwd(), file);
        return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
      } catch {
        return uri;
      }
    }
    return uri;
  };
}

/**
 * A SARIF artifact URI: a relative path becomes a relative URI reference (forward slashes,
 * each segment percent-encoded, so Chinese file names are valid URIs); an absolute path
 * becomes a `file:` URI; something that already is a URI is kept.
 */
export function toSarifUri(displayPath: string): string {
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(displayPath)) return displayPath;
  if (path.isAbsolute(displayPath)) return pathToFileURL(displayPath).href;
  return displayPath
    .split(/[\\/]/)
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
