/**
 * `galley`: the command-line checker on the same core as the language server.
 *
 *   galley parse --json FILE…     the parse result of each page (the eval contract), as a JSON array
 *   galley check PATH…            diagnostics as `file:line:col: severity code message`; exit 1 on errors
 *   galley outline FILE…          the outline of each page
 *
 * A folder of pages is an issue: jump lines are resolved among the page files of each file's
 * folder. A file that cannot be read gets one line on stderr and the run goes on.
 */
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import type { ParsedDocument } from '../core/parsePage';
import type { Issue } from '../core/issue';
import { computeDiagnostics } from '../languageFeatures/diagnostics';
import { outlineText } from '../languageFeatures/outline';
import { loadIssue } from './checkIssue';
import { WorkerPool } from '../workspace/workerPool';
import { collectPageFiles, DEFAULT_PAGE_EXTENSIONS, naturalCompare } from './pageFiles';
import { formatCompiler, formatJson, formatSarif, type Locale } from './format';
import { toContract } from './contract';

const VERSION = '0.1.0';
const USAGE = `usage: galley parse --json FILE…
       galley check [--format text|json|sarif] [--locale en|zh] PATH…
       galley outline FILE…

exit status: 0 no errors, 1 error diagnostics or unreadable files, 2 usage error`;

/** The page files beside a file: its issue. */
async function siblings(file: string): Promise<string[]> {
  const dir = path.dirname(file);
  try {
    const names = await readdir(dir);
    return names
      .filter((n) => !n.startsWith('.') && DEFAULT_PAGE_EXTENSIONS.some((e) => n.endsWith(e)))
      .sort(naturalCompare)
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}

/** Groups the named files by folder and loads each folder's pages as one issue. */
async function loadIssuesOf(files: readonly string[], failures: string[]): Promise<Map<string, { doc: ParsedDocument; issue: Issue } | null>> {
  const byFile = new Map<string, { doc: ParsedDocument; issue: Issue } | null>();
  const folders = new Map<string, string[]>();
  for (const f of files) {
    const dir = path.dirname(f);
    if (!folders.has(dir)) folders.set(dir, []);
    folders.get(dir)!.push(f);
  }
  for (const named of folders.values()) {
    const all = await siblings(named[0]);
    const resolved = new Set(named.map((f) => path.resolve(f)));
    const members = [...named, ...all.filter((f) => !resolved.has(path.resolve(f)))];
    const quiet: string[] = [];
    const { docs, issue } = loadIssue(members, quiet);
    // Only the files the user named report read failures; a bad sibling just drops out.
    failures.push(...quiet.filter((q) => named.some((f) => q.startsWith(`${f}:`))));
    for (const f of named) {
      const doc = docs.find((d) => d.page.uri === f);
      byFile.set(f, doc ? { doc, issue } : null);
    }
  }
  return byFile;
}

function localeFromEnv(): Locale {
  const lang = process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG || '';
  return /^zh/i.test(lang) ? 'zh' : 'en';
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  args.splice(i, 2);
  return value;
}

async function parseCommand(args: string[]): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((a) => a !== '--json');
  if (!json || files.length === 0) return usage();
  const failures: string[] = [];
  const loaded = await loadIssuesOf(files, failures);
  const out: unknown[] = [];
  for (const f of files) {
    const l = loaded.get(f);
    if (l) out.push(toContract(l.doc, computeDiagnostics(l.doc, l.issue), localeFromEnv()));
  }
  process.stdout.write(`${JSON.stringify(out, null, 1)}\n`);
  for (const line of failures) process.stderr.write(`${line}\n`);
  return failures.length ? 1 : 0;
}

async function checkCommand(args: string[]): Promise<number> {
  const format = option(args, '--format') ?? 'text';
  const locale = (option(args, '--locale') as Locale | undefined) ?? localeFromEnv();
  if (args.length === 0 || !['text', 'json', 'sarif'].includes(format) || !['en', 'zh'].includes(locale)) return usage();
  const { issues, errors } = await collectPageFiles(args);
  const failures = errors.map((e) => `${e.path}: error: ${e.error}`);
  // Issues are checked side by side on the worker threads; results are reported in folder order.
  const pool = new WorkerPool();
  const checked = await Promise.all([...issues.values()].map((files) => pool.check(files)));
  const results = checked.flatMap((c) => c.pages);
  for (const c of checked) failures.push(...c.failures);
  if (format === 'json') process.stdout.write(`${formatJson(results, locale)}\n`);
  else if (format === 'sarif') process.stdout.write(`${formatSarif(results, locale, VERSION)}\n`);
  else for (const r of results) for (const d of r.diagnostics) process.stdout.write(`${formatCompiler(d, r.path, locale)}\n`);
  for (const line of failures) process.stderr.write(`${line}\n`);
  const errorCount = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  if (format === 'text') {
    const total = results.reduce((n, r) => n + r.diagnostics.length, 0);
    process.stderr.write(`${results.length} page(s) checked, ${errorCount} error(s), ${total - errorCount} other diagnostic(s)${failures.length ? `, ${failures.length} file(s) unreadable` : ''}\n`);
  }
  return errorCount > 0 || failures.length > 0 ? 1 : 0;
}

async function outlineCommand(args: string[]): Promise<number> {
  if (args.length === 0) return usage();
  const failures: string[] = [];
  const { docs } = loadIssue(args, failures);
  for (const doc of docs) process.stdout.write(`${outlineText(doc.page)}\n`);
  for (const line of failures) process.stderr.write(`${line}\n`);
  return failures.length ? 1 : 0;
}

function usage(): number {
  process.stderr.write(`${USAGE}\n`);
  return 2;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'parse':
      return parseCommand(rest);
    case 'check':
      return checkCommand(rest);
    case 'outline':
      return outlineCommand(rest);
    case '--version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    default:
      return usage();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`galley: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
