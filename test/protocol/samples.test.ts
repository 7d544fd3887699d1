/**
 * The built server over stdio on the real sample pages: initialize, didOpen, pulled
 * diagnostics, outline, folding, workspace symbols and `galley/parseResult`.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Diagnostic, DocumentSymbol, FoldingRange, WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { Driver, fileUri, ofCode, SAMPLE_000, SAMPLE_004, SAMPLES, summarize } from './driver';

const ERROR = 1;
const WARNING = 2;
const HINT = 4;

/** Flattens a document-symbol tree, depth first. */
function flatten(symbols: readonly DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

function within(inner: DocumentSymbol['range'], outer: DocumentSymbol['range']): boolean {
  const le = (a: { line: number; character: number }, b: { line: number; character: number }) =>
    a.line < b.line || (a.line === b.line && a.character <= b.character);
  return le(outer.start, inner.start) && le(inner.end, outer.end);
}

describe('initialize', () => {
  test('lists the capabilities, pull diagnostics with inter-file dependencies', async () => {
    const d = await Driver.start();
    try {
      const caps = d.initializeResult.capabilities;
      assert.equal(d.initializeResult.serverInfo?.name, 'galley-language-server');
      // Incremental sync (2); full (1) would also work with our full-text changes, but the server says 2.
      const sync = typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync;
      assert.equal(sync, 2, 'incremental text document sync');
      assert.ok(caps.documentSymbolProvider, 'documentSymbolProvider');
      assert.ok(caps.foldingRangeProvider, 'foldingRangeProvider');
      assert.ok(caps.workspaceSymbolProvider, 'workspaceSymbolProvider');
      assert.ok(caps.diagnosticProvider, 'diagnosticProvider');
      assert.equal(caps.diagnosticProvider.interFileDependencies, true, 'a change on one page can change the diagnostics of another');
      assert.equal(caps.workspace?.workspaceFolders?.supported, true);
      // The server registers its file watcher dynamically since the client said it can.
      const reg = await d.waitForServerRequest('client/registerCapability');
      const registrations = (reg.params as { registrations: { method: string }[] }).registrations;
      assert.ok(registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), JSON.stringify(registrations));
    } finally {
      assert.equal(await d.stop(), 0, 'shutdown + exit ends the server with status 0');
    }
  });
});

describe('the sample pages', () => {
  let d: Driver;
  let uri000: string;
  const uri004 = fileUri(SAMPLE_004);

  before(async () => {
    d = await Driver.start();
    const mark = d.mark();
    uri000 = await d.openFile(SAMPLE_000);
    // Opening one page reads its folder: the other sample comes from disk.
    const status = d.eventsOf('galley/status', mark).at(-1)!.params as { pages: number };
    assert.equal(status.pages, 2, 'galley/status counts the opened page and its sibling from disk');
  });
  after(async () => {
    await d?.stop();
  });

  test('didOpen is followed by a diagnostics refresh', async () => {
    await d.waitForRefresh(0);
  });

  test('pulled diagnostics of 000: the lost page number, the missing page 4, an article without headline', async () => {
    const diags = await d.diagnostics(uri000);
    const missingPage = ofCode(diags, 'jump-missing-page');
    assert.equal(missingPage.length, 1, summarize(diags));
    assert.equal(missingPage[0]!.range.start.line, 280, 'line 281, 1-based');
    assert.equal(missingPage[0]!.severity, ERROR);
    assert.equal(missingPage[0]!.source, 'galley');

    const targetMissing = ofCode(diags, 'jump-target-missing');
    assert.equal(targetMissing.length, 1, summarize(diags));
    assert.equal(targetMissing[0]!.range.start.line, 272, 'line 273, 1-based');
    assert.equal(targetMissing[0]!.severity, WARNING);

    const noHeadline = ofCode(diags, 'headline-missing');
    assert.equal(noHeadline.length, 1, summarize(diags));
    assert.equal(noHeadline[0]!.range.start.line, 549, 'line 550, 1-based');
    assert.equal(noHeadline[0]!.severity, WARNING);

    assert.ok(ofCode(diags, 'text-spaced').every((x) => x.severity === HINT));
    for (const x of diags) {
      const message = typeof x.message === 'string' ? x.message : x.message.value;
      assert.ok(message.length > 0, `${x.code} has a message`);
      assert.ok(x.range.start.line <= x.range.end.line);
    }
  });

  test('a page read from disk (never opened) can be pulled too', async () => {
    const diags = await d.diagnostics(uri004);
    assert.ok(diags.length > 0, 'the 004 sample has hints');
    assert.equal(diags.filter((x) => x.severity === ERROR).length, 0, summarize(diags));
  });

  test('documentSymbol: the article headlines, sections nested', async () => {
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri000 } });
    assert.ok(Array.isArray(symbols) && symbols.length > 0);
    const first = symbols.find((s) => s.name === '张稳科深入包联企业调研');
    assert.ok(first, `no 张稳科深入包联企业调研 among ${symbols.map((s) => s.name).join(' | ')}`);
    assert.equal(first.range.start.line, 0);
    assert.equal(first.selectionRange.start.line, 52, 'the headline is printed after the opening paragraphs');
    const second = symbols.find((s) => s.name === '以人民为中心 让老百姓过上幸福生活');
    assert.ok(second, symbols.map((s) => s.name).join(' | '));
    assert.equal(second.range.start.line, 54);
    const sections = (second.children ?? []).map((c) => c.name);
    assert.ok(sections.includes('多措并举，保障群众就业'), sections.join(' | '));
    assert.ok(sections.includes('提高标准，保障底线民生'), sections.join(' | '));
    assert.ok(symbols.some((s) => s.name === '扶贫“夫妻档”'));
    for (const s of flatten(symbols)) {
      assert.ok(within(s.selectionRange, s.range), `selectionRange of ${s.name} lies within its range`);
      assert.ok(s.range.end.line < 634, `${s.name} ends inside the page`);
    }
  });

  test('documentSymbol of the other sample', async () => {
    await d.openFile(SAMPLE_004);
    const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uri004 } });
    const names = symbols.map((s) => s.name);
    assert.ok(names.includes('交城：正风肃纪促廉洁 招商引资保发展'), names.join(' | '));
    assert.ok(names.includes('吕梁市打造“吕梁山护工”金牌名片助力乡村振兴'), names.join(' | '));
  });

  test('folding ranges: one per article and section, inside the page', async () => {
    const ranges = await d.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: uri000 } });
    assert.ok(ranges.length >= 5, `only ${ranges.length} folding ranges`);
    for (const r of ranges) {
      assert.ok(r.startLine < r.endLine, JSON.stringify(r));
      assert.ok(r.endLine < 634, JSON.stringify(r));
    }
    const starts = ranges.map((r) => r.startLine);
    assert.ok(starts.includes(0), `the first article folds from line 0: ${starts.join(',')}`);
    assert.ok(starts.includes(54), `the second article folds from line 54: ${starts.join(',')}`);
    assert.ok(starts.includes(92), `its section 多措并举 folds from line 92: ${starts.join(',')}`);
  });

  test('workspace/symbol finds headlines on open and on disk pages', async () => {
    const found = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '张稳科' });
    const hit = found.find((s) => s.name === '张稳科深入包联企业调研');
    assert.ok(hit, JSON.stringify(found.map((s) => s.name)));
    assert.ok('range' in hit.location, 'a full location');
    assert.equal(hit.location.uri, uri000);
    // The headline of the first article comes after its opening paragraphs in the extracted text.
    assert.equal(hit.location.range.start.line, 52, 'the headline, line 53 1-based');

    const fromDisk = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '吕梁山护工' });
    assert.ok(fromDisk.some((s) => s.location.uri === uri004), JSON.stringify(fromDisk.map((s) => [s.name, s.location.uri])));

    const all = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
    assert.ok(all.length >= 10, `an empty query lists every headline (${all.length})`);
    const none = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'zzzz不存在的标题qqqq' });
    assert.deepEqual(none, []);
  });

  test('galley/parseResult: the page model', async () => {
    type Page = { uri: string; items: { headline: string | null }[]; jumps: { page: unknown; direction: string; text: string }[]; lineCount: number };
    const page = await d.request<Page>('galley/parseResult', { uri: uri000 });
    assert.ok(page && typeof page === 'object');
    assert.equal(page.uri, uri000);
    assert.ok(page.lineCount >= 634);
    assert.ok(page.items.some((i) => i.headline === '张稳科深入包联企业调研'));
    assert.ok(page.jumps.some((j) => j.page === null), 'the （见 版） pointer has lost its page number');
    assert.ok(page.jumps.some((j) => j.direction === 'to' && j.page === 4), JSON.stringify(page.jumps));
  });
});

describe('diagnostics are per document', () => {
  test('the diagnostics of an open page follow its edits', async () => {
    const d = await Driver.start();
    try {
      const uri = await d.openFile(SAMPLE_000);
      const before = await d.diagnostics(uri);
      assert.equal(ofCode(before, 'jump-missing-page').length, 1);
      const text = (await import('node:fs')).readFileSync(SAMPLE_000, 'utf8');
      // Put the lost page number back: `（\n见\n\n版\n）` becomes `（\n见\n4\n版\n）`.
      const lines = text.split('\n');
      assert.equal(lines[281], '见');
      assert.equal(lines[282], '');
      lines[282] = '4';
      const mark = d.mark();
      await d.change(uri, lines.join('\n'));
      await d.waitForRefresh(mark);
      const after: Diagnostic[] = await d.diagnostics(uri);
      assert.equal(ofCode(after, 'jump-missing-page').length, 0, summarize(after));
    } finally {
      await d.stop();
    }
  });
});

describe('workspace folders', () => {
  test('a folder given at initialize is indexed: its pages are known before any didOpen', async () => {
    const d = await Driver.start({ workspaceFolders: [SAMPLES] });
    try {
      // Driver.start waited for the status that ends the index.
      assert.deepEqual(d.eventsOf('galley/status').at(-1)?.params, { pages: 2 });
      const found = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '吕梁山护工' });
      assert.ok(found.some((s) => s.location.uri === fileUri(SAMPLE_004)), JSON.stringify(found.map((s) => s.location.uri)));
      // Opening a page read from disk keeps one page per file.
      const mark = d.mark();
      const uri = await d.openFile(SAMPLE_000);
      assert.deepEqual(d.eventsOf('galley/status', mark).at(-1)?.params, { pages: 2 });
      const symbols = await d.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
      assert.ok(symbols.some((s) => s.name === '张稳科深入包联企业调研'));
      assert.equal(ofCode(await d.diagnostics(uri), 'jump-missing-page').length, 1);
    } finally {
      await d.stop();
    }
  });

  test('a folder added later (workspace/didChangeWorkspaceFolders) is indexed', async () => {
    const d = await Driver.start();
    try {
      assert.deepEqual(await d.request('workspace/symbol', { query: '吕梁山护工' }), []);
      const mark = d.mark();
      await d.notify('workspace/didChangeWorkspaceFolders', {
        event: { added: [{ uri: fileUri(SAMPLES), name: 'samples' }], removed: [] },
      });
      assert.deepEqual(await d.settled(mark), { pages: 2 });
      const found = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '吕梁山护工' });
      assert.ok(found.some((s) => s.location.uri === fileUri(SAMPLE_004)));
    } finally {
      await d.stop();
    }
  });

  test(
    'a folder removed from the workspace takes its (unopened) pages with it',
    async () => {
      const d = await Driver.start({ workspaceFolders: [SAMPLES] });
      try {
        const mark = d.mark();
        await d.notify('workspace/didChangeWorkspaceFolders', {
          event: { added: [], removed: [{ uri: fileUri(SAMPLES), name: 'samples' }] },
        });
        await d.settled(mark);
        assert.deepEqual(await d.request('workspace/symbol', { query: '吕梁山护工' }), []);
      } finally {
        await d.stop();
      }
    },
  );
});

describe('which files are pages', () => {
  test('galley.pages.exclude keeps a folder’s pages out of the index', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'galley-pages-'));
    try {
      await mkdir(path.join(root, 'archive'));
      await writeFile(path.join(root, '01.news'), '春耕备耕正当时\n\n本报讯（记者 王群）全市春播工作进展顺利。\n');
      await writeFile(path.join(root, 'archive', '02.news'), '老旧小区改造惠及万余户居民\n\n本报讯（记者 赵晓燕）今年计划改造老旧小区。\n');
      const d = await Driver.start({ workspaceFolders: [root], settings: { galley: { pages: { include: ['**/*.news'], exclude: ['archive/**'] } } } });
      try {
        const names = (q: string) => d.request<{ name: string }[]>('workspace/symbol', { query: q }).then((r) => r.map((s) => s.name));
        assert.deepEqual(await names('春耕'), ['春耕备耕正当时']);
        assert.deepEqual(await names('老旧小区'), []);
      } finally {
        await d.stop();
      }
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
