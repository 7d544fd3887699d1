/**
 * The pages beside an opened page are read with it; a folder outside the workspace folders is
 * forgotten again when its last open page closes, a folder inside them is kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol/node';
import { PAGE_01, PAGE_04, fileUri, withDriver, type Driver } from './driver';

const PAGE_4_HEADLINE = '全市防汛工作会议召开';

async function named(d: Driver, query: string): Promise<string[]> {
  return (await d.request<WorkspaceSymbol[]>('workspace/symbol', { query })).map((s) => s.name);
}

async function eventually(check: () => Promise<boolean>, tries = 100): Promise<boolean> {
  for (let k = 0; k < tries; k++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

function issueIn(dir: string, name: string): string {
  const issue = path.join(dir, name);
  mkdirSync(issue);
  writeFileSync(path.join(issue, '01.news'), PAGE_01);
  writeFileSync(path.join(issue, '04.news'), PAGE_04);
  return issue;
}

test('a folder outside the workspace is read with its page and forgotten when the page closes', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-folders-'));
  try {
    const outside = issueIn(dir, 'outside');
    const workspace = path.join(dir, 'workspace');
    mkdirSync(workspace);
    const inside = issueIn(workspace, 'inside');
    await withDriver({ workspaceFolders: [workspace] }, async (d) => {
      assert.equal((await named(d, PAGE_4_HEADLINE)).length, 1, 'the workspace page 4');
      const page1 = await d.openFile(path.join(outside, '01.news'));
      assert.equal((await named(d, PAGE_4_HEADLINE)).length, 2, 'page 4 beside the opened page is read');
      await d.close(page1);
      // didClose is handled once the closed page is read again from disk: ask until it is.
      assert.ok(await eventually(async () => (await named(d, PAGE_4_HEADLINE)).length === 1), 'the outside folder is forgotten');
      const insidePage = await d.openFile(path.join(inside, '01.news'));
      await d.close(insidePage);
      assert.equal((await named(d, PAGE_4_HEADLINE)).length, 1, 'the workspace folder is kept');
      assert.ok((await named(d, '市长调研')).length >= 1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('closing a lone page outside the workspace starts no worker threads to read it again', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-lone-'));
  try {
    writeFileSync(path.join(dir, '01.news'), PAGE_01);
    await withDriver({ workspaceFolders: [] }, async (d) => {
      const page1 = await d.openFile(path.join(dir, '01.news'));
      assert.equal((await named(d, '市长调研')).length, 1);
      const before = d.threadCount();
      await d.close(page1);
      assert.ok(await eventually(async () => (await named(d, '市长调研')).length === 0), 'the page is forgotten');
      assert.equal(d.threadCount(), before);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page opened by a path through `..` is the page of its folder, with the pages beside it', { timeout: 60_000 }, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'galley-dotdot-'));
  try {
    const issue = issueIn(dir, 'issue');
    mkdirSync(path.join(issue, 'scans'));
    await withDriver({ workspaceFolders: [] }, async (d) => {
      // The client names the page through a sub-folder and back; the folder is the issue.
      const uri = `${fileUri(path.join(issue, 'scans'))}/../01.news`;
      await d.open(uri, PAGE_01);
      const codes = (await d.diagnostics(uri)).map((x) => x.code);
      assert.ok(!codes.includes('jump-unmatched'), `page 4 answers the jump: ${codes.join(', ')}`);
      // Page 1 is counted once, not again as read from disk beside page 4.
      assert.equal((await named(d, '市长调研重点工程建设')).length, 1);
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
