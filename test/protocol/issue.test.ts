/**
 * A multi-page issue in a temp folder: jump lines are checked across pages, a change on one
 * page makes the server ask for a diagnostics refresh and changes the diagnostics of another,
 * a closed page is what the disk says again, and a deleted page is gone.
 */
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Driver, fileUri, JUMP_CHAR, JUMP_LINE, ofCode, PAGE_01, PAGE_04, summarize } from './driver';

const ERROR = 1;
const WARNING = 2;

const PAGE_04_UNMARKED = PAGE_04.replace('（上接1版）', '');

const jumpCodes = (diags: { code?: string | number }[]) => diags.filter((x) => String(x.code).startsWith('jump-'));

describe('a two-page issue', () => {
  let dir: string;
  let d: Driver;
  let uri01: string;
  let uri04: string;

  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'galley-issue-'));
    uri01 = fileUri(path.join(dir, '01.news'));
    uri04 = fileUri(path.join(dir, '04.news'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await writeFile(path.join(dir, '01.news'), PAGE_01);
    await writeFile(path.join(dir, '04.news'), PAGE_04);
    // One server per test: each starts from what the disk says.
    d = await Driver.start();
  });
  afterEach(async () => {
    await d.stop(); // idempotent: tests stop it themselves too
  });

  async function stopped<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } finally {
      await d.stop();
    }
  }

  test('open only 01: 04 is read from disk and the jump matches', () =>
    stopped(async () => {
      const mark = d.mark();
      await d.open(uri01, PAGE_01);
      assert.deepEqual(await d.waitForStatus(mark), { pages: 2 });
      const diags = await d.diagnostics(uri01);
      assert.deepEqual(jumpCodes(diags), [], summarize(diags));
      assert.deepEqual(jumpCodes(await d.diagnostics(uri04)), []);
    }));

  test('editing 04 breaks and mends the jump on 01, with a refresh each time', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      assert.deepEqual(jumpCodes(await d.diagnostics(uri01)), []);

      let mark = d.mark();
      await d.change(uri04, PAGE_04_UNMARKED);
      await d.waitForRefresh(mark);
      const broken = await d.diagnostics(uri01);
      const unmatched = ofCode(broken, 'jump-unmatched');
      assert.equal(unmatched.length, 1, summarize(broken));
      assert.equal(unmatched[0]!.severity, ERROR);
      assert.equal(unmatched[0]!.range.start.line, JUMP_LINE);
      assert.equal(unmatched[0]!.range.start.character, JUMP_CHAR);
      assert.equal(unmatched[0]!.range.end.character, JUMP_CHAR + '（下转4版）'.length);

      mark = d.mark();
      await d.change(uri04, PAGE_04);
      await d.waitForRefresh(mark);
      const mended = await d.diagnostics(uri01);
      assert.deepEqual(jumpCodes(mended), [], summarize(mended));
    }));

  test('a ranged (incremental) edit works the same', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      const mark = d.mark();
      await d.edit(uri04, { start: { line: 0, character: 0 }, end: { line: 0, character: '（上接1版）'.length } }, '');
      await d.waitForRefresh(mark);
      assert.equal(ofCode(await d.diagnostics(uri01), 'jump-unmatched').length, 1);
    }));

  test('an edit that changes nothing sends no refresh', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      const mark = d.mark();
      await d.change(uri04, PAGE_04);
      // A request answered after the change proves the change was handled.
      await d.request('textDocument/documentSymbol', { textDocument: { uri: uri04 } });
      assert.equal(d.eventsOf('workspace/diagnostic/refresh', mark).length, 0);
    }));

  test('didClose reverts a page to what the disk says', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      let mark = d.mark();
      await d.change(uri04, PAGE_04_UNMARKED); // never saved
      await d.waitForRefresh(mark);
      assert.equal(ofCode(await d.diagnostics(uri01), 'jump-unmatched').length, 1);

      mark = d.mark();
      await d.close(uri04);
      await d.waitForRefresh(mark);
      const after = await d.diagnostics(uri01);
      assert.deepEqual(jumpCodes(after), [], summarize(after));
      // The closed page is still part of the issue, from disk.
      assert.deepEqual(jumpCodes(await d.diagnostics(uri04)), []);
    }));

  test('a page saved with a change and closed keeps the change', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      await d.change(uri04, PAGE_04_UNMARKED);
      await writeFile(path.join(dir, '04.news'), PAGE_04_UNMARKED);
      const mark = d.mark();
      await d.close(uri04);
      await d.waitForRefresh(mark);
      assert.equal(ofCode(await d.diagnostics(uri01), 'jump-unmatched').length, 1);
    }));

  test('a page deleted on disk (didChangeWatchedFiles Deleted): jump-target-missing, and back when created', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      assert.deepEqual(jumpCodes(await d.diagnostics(uri01)), []);

      await unlink(path.join(dir, '04.news'));
      let mark = d.mark();
      await d.filesChanged([{ uri: uri04, type: 3 /* Deleted */ }]);
      assert.deepEqual(await d.settled(mark), { pages: 1 });
      const gone = await d.diagnostics(uri01);
      const missing = ofCode(gone, 'jump-target-missing');
      assert.equal(missing.length, 1, summarize(gone));
      assert.equal(missing[0]!.severity, WARNING);
      assert.equal(missing[0]!.range.start.line, JUMP_LINE);
      assert.deepEqual(await d.diagnostics(uri04), [], 'a deleted page has no diagnostics');

      await writeFile(path.join(dir, '04.news'), PAGE_04);
      mark = d.mark();
      await d.filesChanged([{ uri: uri04, type: 1 /* Created */ }]);
      assert.deepEqual(await d.settled(mark), { pages: 2 });
      assert.deepEqual(jumpCodes(await d.diagnostics(uri01)), []);
    }));

  test('a page changed on disk (didChangeWatchedFiles Changed) is re-read', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await writeFile(path.join(dir, '04.news'), PAGE_04_UNMARKED);
      const mark = d.mark();
      await d.filesChanged([{ uri: uri04, type: 2 /* Changed */ }]);
      await d.settled(mark);
      assert.equal(ofCode(await d.diagnostics(uri01), 'jump-unmatched').length, 1);
    }));

  test('an open page wins over the disk while it is open', () =>
    stopped(async () => {
      await d.open(uri01, PAGE_01);
      await d.open(uri04, PAGE_04);
      await unlink(path.join(dir, '04.news'));
      const mark = d.mark();
      await d.filesChanged([{ uri: uri04, type: 3 /* Deleted */ }]);
      assert.deepEqual(await d.settled(mark), { pages: 2 });
      assert.deepEqual(jumpCodes(await d.diagnostics(uri01)), [], 'the editor still holds page 4');
    }));

  test(
    'a watched-file event for a file that is not a page (`*.txt`) does not make it one',
    () =>
      stopped(async () => {
        await d.open(uri01, PAGE_01);
        // `01.txt` is not a page file (pages are *.news and *.news.txt), but its name reads as page 1.
        await writeFile(path.join(dir, '01.txt'), '（见1版）会议纪要\n');
        const notes = fileUri(path.join(dir, '01.txt'));
        const mark = d.mark();
        await d.filesChanged([{ uri: notes, type: 1 /* Created */ }]);
        assert.deepEqual(await d.settled(mark), { pages: 2 }, 'still the two pages');
        assert.equal(await d.request('galley/parseResult', { uri: notes }), null);
        const diags = await d.diagnostics(uri04);
        assert.deepEqual(jumpCodes(diags), [], summarize(diags));
      }),
  );

  test(
    'a client that percent-encodes differently (Neovim: `%e7`, unencoded parentheses) does not get the page twice',
    async () => {
      const odd = await mkdtemp(path.join(tmpdir(), 'galley-第1期 (a)-'));
      try {
        await writeFile(path.join(odd, '第1版.news'), PAGE_01.replace('第01版：要闻\n', ''));
        await writeFile(path.join(odd, '第4版.news'), PAGE_04);
        // Neovim's vim.uri_from_fname: lowercase hex escapes, `(`/`)` left as they are.
        const neovimUri = (p: string) =>
          'file://' + p.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@/]/g, (c) => [...Buffer.from(c)].map((b) => '%' + b.toString(16).padStart(2, '0')).join(''));
        const uri1 = neovimUri(path.join(odd, '第1版.news'));
        assert.notEqual(uri1, fileUri(path.join(odd, '第1版.news')), 'the two spellings differ');
        const mark = d.mark();
        await d.open(uri1, PAGE_01.replace('第01版：要闻\n', ''));
        assert.deepEqual(await d.waitForStatus(mark), { pages: 2 }, 'two pages: the open one and 第4版 from disk');
        const uri4 = fileUri(path.join(odd, '第4版.news'));
        const diags = await d.diagnostics(uri4);
        assert.equal(ofCode(diags, 'jump-ambiguous').length, 0, summarize(diags));
      } finally {
        await d.stop();
        await rm(odd, { recursive: true, force: true });
      }
    },
  );
});
