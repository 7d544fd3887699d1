/**
 * Workspace faults while the server reads a workspace folder: page files deleted and renamed
 * during the index, a folder of 50,000 files, symbolic-link loops. Each folder is made in the
 * system's temp folder and removed afterwards, whatever happens.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { rename, unlink } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { FileChangeType, type FileEvent, type WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { fileUri, PAGE_01, PAGE_04, summarize, withDriver } from './driver';

const jumpCodes = (diags: readonly { code?: string | number }[]) => diags.map((x) => String(x.code)).filter((c) => c.startsWith('jump-'));

/** A temp folder for one test, removed when it ends. */
async function inTempFolder<T>(name: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(path.join(tmpdir(), `galley-${name}-`));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- pages deleted and renamed while they are read --------------------------------------------

const ISSUES = 10;
const PAGES_PER_ISSUE = 300;
const pageName = (p: number) => `${String(p).padStart(3, '0')}.news`;
const renamedName = (p: number) => `${String(p).padStart(3, '0')}-renamed.news`;
/**
 * Page p: odd pages continue on the next page, even pages continue the one before, so whether a
 * jump line resolves says which pages the server holds.
 */
function pageText(issue: number, p: number): string {
  const body = '本报讯 会议要求各地压实责任，做好防汛各项准备工作。'.repeat(15);
  const jump = p % 2 === 1 ? `${body}（下转${p + 1}版）` : `（上接${p - 1}版）${body}`;
  return `第${p}版：要闻\n\n第${issue}期第${p}版的标题\n\n${jump}\n`;
}

test('pages deleted and renamed while the folder is read: no crash, and the server ends on what the disk holds', { timeout: 120_000 }, async (t) => {
  await inTempFolder('vanishing', async (dir) => {
    for (let i = 0; i < ISSUES; i++) {
      mkdirSync(path.join(dir, `issue-${i}`));
      for (let p = 1; p <= PAGES_PER_ISSUE; p++) writeFileSync(path.join(dir, `issue-${i}`, pageName(p)), pageText(i, p));
    }
    await withDriver({ workspaceFolders: [dir], waitForIndex: false, timeoutMs: 60_000 }, async (d) => {
      // The index starts once the server has its `galley.pages` settings; the deletions start
      // then too, file by file, so they overlap the listing and the reading of the pages.
      await d.waitForServerRequest('workspace/configuration');
      const events: FileEvent[] = [];
      for (let i = 0; i < ISSUES; i++) {
        for (let p = 2; p <= PAGES_PER_ISSUE; p += 2) {
          const from = path.join(dir, `issue-${i}`, pageName(p));
          if (p % 4 === 0) {
            const to = path.join(dir, `issue-${i}`, renamedName(p));
            await rename(from, to);
            events.push({ uri: fileUri(from), type: FileChangeType.Deleted }, { uri: fileUri(to), type: FileChangeType.Created });
          } else {
            await unlink(from);
            events.push({ uri: fileUri(from), type: FileChangeType.Deleted });
          }
        }
      }
      const indexed = await d.waitForStatus(0);
      const unreadable = d.eventsOf('window/logMessage').filter((e) => (e.params as { message: string }).message.includes('no such file')).length;
      // Whatever the race, the index holds the pages never touched and no more than were made.
      const untouched = ISSUES * (PAGES_PER_ISSUE / 2);
      assert.ok(indexed.pages >= untouched && indexed.pages <= ISSUES * PAGES_PER_ISSUE, `${indexed.pages} pages indexed`);

      // The client's file watcher then reports the deletions and renames.
      const mark = d.mark();
      await d.filesChanged(events);
      const onDisk = ISSUES * (PAGES_PER_ISSUE / 2 + PAGES_PER_ISSUE / 4);
      assert.deepEqual(await d.waitForStatus(mark), { pages: onDisk });

      // Page 1 continues on page 2, deleted; page 3 on page 4, renamed but there.
      const page1 = await d.openFile(path.join(dir, 'issue-0', pageName(1)));
      const page3 = await d.openFile(path.join(dir, 'issue-0', pageName(3)));
      const diags1 = await d.diagnostics(page1);
      assert.deepEqual(jumpCodes(diags1), ['jump-target-missing'], summarize(diags1));
      const diags3 = await d.diagnostics(page3);
      assert.deepEqual(jumpCodes(diags3), [], summarize(diags3));
      // Workspace symbols match loosely: look for the exact headlines.
      const named = async (headline: string) =>
        (await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: headline })).filter((s) => s.name === headline).map((s) => s.location.uri);
      assert.deepEqual(await named('第0期第2版的标题'), [], 'a deleted page');
      assert.deepEqual(await named('第0期第4版的标题'), [fileUri(path.join(dir, 'issue-0', renamedName(4)))], 'a renamed page');
      t.diagnostic(`${indexed.pages} pages indexed while ${events.length} file events happened (${unreadable} files gone before they were read); ${onDisk} after the watcher's events`);
    });
  });
});

// ---- 50,000 files -------------------------------------------------------------------------------

const FILES = 50_000;
const PAGE_FILES = 1_000;
const INDEX_BOUND_MS = 60_000;
/** How long a request may wait while the folder is read: the index must not block the server. */
const ANSWER_BOUND_MS = 5_000;

test(`a folder of ${FILES.toLocaleString('en')} files: the server answers while and after reading it`, { timeout: 3 * INDEX_BOUND_MS }, async (t) => {
  await inTempFolder('50k', async (dir) => {
    // Tiny pages and, mostly, files that are not pages: empty, or one byte.
    for (let i = 0; i < FILES; i++) {
      if (i < PAGE_FILES) writeFileSync(path.join(dir, `p${i}.news`), `第${(i % 99) + 1}版\n\n标题${i}\n\n本报讯 正文${i}。\n`);
      else if (i % 3 === 0) writeFileSync(path.join(dir, `f${i}.txt`), 'x');
      else closeSync(openSync(path.join(dir, `f${i}.${['json', 'md', 'png'][i % 3]}`), 'w'));
    }
    const started = Date.now();
    await withDriver({ workspaceFolders: [dir], waitForIndex: false, timeoutMs: INDEX_BOUND_MS }, async (d) => {
      // A page outside the folder, opened and asked for while the folder is being read.
      const elsewhere = 'file:///nonexistent-galley-folder/50k/01.news';
      await d.open(elsewhere, PAGE_01, { wait: false });
      const asked = Date.now();
      const symbols = await d.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: elsewhere } }, ANSWER_BOUND_MS);
      const answerMs = Date.now() - asked;
      assert.ok(symbols.length > 0);

      const indexed = await d.waitFor('the status with the folder read', (e) => e.method === 'galley/status' && (e.params as { pages: number }).pages >= PAGE_FILES, 0);
      const indexMs = Date.now() - started;
      assert.equal((indexed.params as { pages: number }).pages, PAGE_FILES + 1, 'its pages and the one open page');
      assert.ok(indexMs < INDEX_BOUND_MS, `reading the folder took ${indexMs} ms`);

      const inside = await d.openFile(path.join(dir, 'p0.news'));
      const afterMark = Date.now();
      assert.ok(Array.isArray(await d.diagnostics(inside)));
      const found = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '标题999' });
      assert.ok(found.some((s) => s.name === '标题999'), found.map((s) => s.name).join(', '));
      const afterMs = Date.now() - afterMark;
      assert.ok(afterMs < ANSWER_BOUND_MS, `diagnostics and workspace symbols after the index took ${afterMs} ms`);
      t.diagnostic(`${FILES} files (${PAGE_FILES} pages) read in ${indexMs} ms; a request during the index answered in ${answerMs} ms, two after it in ${afterMs} ms`);
    });
  });
});

// ---- symbolic-link loops ----------------------------------------------------------------------

test('symbolic-link loops in the workspace: the index ends and counts each page once', { timeout: 60_000 }, async () => {
  await inTempFolder('links', async (dir) => {
    const issue = path.join(dir, 'issue');
    mkdirSync(path.join(issue, 'sub'), { recursive: true });
    writeFileSync(path.join(issue, '01.news'), PAGE_01);
    writeFileSync(path.join(issue, 'sub', '02.news'), '第02版：要闻\n');
    symlinkSync(issue, path.join(issue, 'loop')); // issue/loop -> issue
    symlinkSync(dir, path.join(issue, 'sub', 'up')); // issue/sub/up -> the workspace folder
    symlinkSync(path.join(issue, 'self.news'), path.join(issue, 'self.news')); // a link to itself
    symlinkSync(path.join(issue, '01.news'), path.join(issue, 'alias.news')); // a second name for 01
    await withDriver({ workspaceFolders: [dir] }, async (d) => {
      // Driver.start waited for the index to end; links are not followed, so each page counts once.
      assert.deepEqual(d.eventsOf('galley/status').map((e) => e.params), [{ pages: 2 }]);
      // A page opened by a path through the loop: its folder is read (through the link) and the
      // server answers.
      const looped = await d.openFile(path.join(issue, 'loop', 'loop', 'loop', '01.news'));
      assert.ok(Array.isArray(await d.diagnostics(looped)));
      assert.ok((await d.request<unknown[]>('textDocument/documentSymbol', { textDocument: { uri: looped } })).length > 0);
      assert.equal(readFileSync(path.join(issue, 'loop', 'loop', '01.news'), 'utf8'), PAGE_01);
    });
  });
});

test('a named pipe and a link named like pages beside an opened page are not read', { timeout: 60_000 }, async () => {
  await inTempFolder('special', async (dir) => {
    const issue = path.join(dir, 'issue');
    mkdirSync(issue);
    writeFileSync(path.join(issue, '01.news'), PAGE_01);
    // Page 4 exists only outside the issue; a link inside it must not bring it in.
    const outside = path.join(dir, 'outside.txt');
    writeFileSync(outside, PAGE_04);
    symlinkSync(outside, path.join(issue, '04.news'));
    execFileSync('mkfifo', [path.join(issue, '02.news')]);
    await withDriver({}, async (d) => {
      const uri = await d.openFile(path.join(issue, '01.news'));
      // Reading the pipe would block for good: the answer comes, and page 4 is not found.
      const codes = jumpCodes(await d.diagnostics(uri));
      assert.ok(codes.includes('jump-target-missing'), `page 4 stays missing: ${codes.join(', ')}`);
      const symbols = await d.request<WorkspaceSymbol[]>('workspace/symbol', { query: '' });
      assert.ok(symbols.every((s) => s.location.uri === uri), 'only the opened page is known');
    });
  });
});
