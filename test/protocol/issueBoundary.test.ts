/**
 * Security: a page's jump lines resolve among the pages of its own folder (its issue) and nowhere
 * else, even when the server knows pages of the folders around it. Page text can name a page
 * only by its id, so `../` in a jump line, or a file name that looks like a path, must lead
 * nowhere outside the folder; and nothing of an outside page may reach an answer about a page of
 * the issue. Also: the extension declares that it runs in untrusted workspaces.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, DocumentLink, Hover, Location, LocationLink, Position } from 'vscode-languageserver-protocol/node';
import { URI, Utils } from 'vscode-uri';
import { Driver, fileUri, REPO_ROOT, summarize } from './driver';

/** Every outside page carries this word: it must never appear in an answer about the issue. */
const OUTSIDE = 'OUTSIDE-THE-ISSUE';

/** The issue's page 1: jumps to pages that exist only outside, one inside, and path-like ones. */
const PAGE_01_LINES = [
  '第01版：要闻',
  '',
  '市长调研重点工程建设',
  '',
  '本报讯 项目建设有序推进，（下转2版）',
  '兄弟文件夹里才有第4版，（下转4版）',
  '上一级文件夹里才有第5版，（见5版）',
  '下一级文件夹里才有第6版，（下转6版）',
  '路径一样的跳转：（下转../sibling/4版）（见..\\5版）（见%2e%2e%2f4版）（下转./4版）',
  '',
];
const PAGE_01 = PAGE_01_LINES.join('\n');
const at = (text: string, offset = 1): Position => {
  const line = PAGE_01_LINES.findIndex((l) => l.includes(text));
  assert.ok(line >= 0, text);
  return { line, character: PAGE_01_LINES[line]!.indexOf(text) + offset };
};

/** Every `file:` URI in an answer, wherever it sits. */
function fileUris(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (value.startsWith('file:')) out.push(value);
    for (const m of value.matchAll(/file:\/\/[^\s)"'\]]+/g)) if (m[0] !== value) out.push(m[0]);
  } else if (Array.isArray(value)) for (const v of value) fileUris(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) fileUris(v, out);
  return out;
}

describe('jump lines resolve only within their issue folder', () => {
  let root: string;
  let issue: string;
  let d: Driver;
  let page01: string;
  /** Every answer about page 1, to check none of them reaches outside. */
  const answers: unknown[] = [];

  before(async () => {
    root = mkdtempSync(path.join(tmpdir(), 'galley-boundary-'));
    issue = path.join(root, 'issue');
    mkdirSync(path.join(issue, 'sub'), { recursive: true });
    mkdirSync(path.join(root, 'sibling'));
    writeFileSync(path.join(issue, '01.news'), PAGE_01);
    writeFileSync(path.join(issue, '02.news'), '第02版：要闻\n\n（上接1版）本期之内的续文。\n');
    // File names that look like paths, inside the issue folder.
    for (const name of ['..\\04.news', '%2e%2e%2f05.news', '．．／06.news', '..04.news']) {
      writeFileSync(path.join(issue, name), '（上接1版）文件名像路径的页面。\n');
    }
    // Pages 4, 5 and 6 exist, but only in a sibling, the parent and a child folder.
    writeFileSync(path.join(root, 'sibling', '04.news'), `第04版：要闻\n\n${OUTSIDE} 兄弟文件夹的标题\n\n（上接1版）${OUTSIDE} 兄弟文件夹的续文。\n`);
    writeFileSync(path.join(root, '05.news'), `第05版：要闻\n\n${OUTSIDE} 上级文件夹的标题\n\n${OUTSIDE} 上级文件夹的正文。\n`);
    writeFileSync(path.join(issue, 'sub', '06.news'), `第06版：要闻\n\n（上接1版）${OUTSIDE} 下级文件夹的续文。\n`);
    // The whole tree is the workspace: the server holds every page of it.
    d = await Driver.start({ workspaceFolders: [root] });
    page01 = await d.openFile(path.join(issue, '01.news'));
  });
  after(async () => {
    await d?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  const inIssue = (uri: string) => Utils.dirname(URI.parse(uri)).fsPath === issue;

  test('the server knows the pages around the issue', async () => {
    const symbols = await d.request<{ name: string }[]>('workspace/symbol', { query: OUTSIDE });
    assert.ok(symbols.some((s) => s.name.includes(OUTSIDE)), 'the outside pages are in the workspace');
  });

  test('a page that exists only in a sibling, the parent or a child folder is missing', async () => {
    const diags = await d.diagnostics(page01);
    answers.push(diags);
    const missing = diags.filter((x: Diagnostic) => x.code === 'jump-target-missing').map((x) => x.range.start.line);
    assert.deepEqual(missing, [at('（下转4版）').line, at('（见5版）').line, at('（下转6版）').line], summarize(diags));
    assert.ok(!diags.some((x) => x.range.start.line === at('（下转2版）').line && String(x.code).startsWith('jump-')), summarize(diags));
  });

  test('definition, hover and references of those jumps lead nowhere', async () => {
    for (const jump of ['（下转4版）', '（见5版）', '（下转6版）']) {
      const position = at(jump, 3);
      const textDocument = { uri: page01 };
      const definition = await d.request<Location[] | LocationLink[] | null>('textDocument/definition', { textDocument, position });
      assert.deepEqual(definition ?? [], [], jump);
      answers.push(definition);
      answers.push(await d.request<Hover | null>('textDocument/hover', { textDocument, position }));
      answers.push(await d.request('textDocument/references', { textDocument, position, context: { includeDeclaration: true } }));
    }
    // The jump to a page of the issue does lead there: the check above is not vacuous.
    const inside = await d.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: page01 }, position: at('（下转2版）', 3) });
    assert.deepEqual(inside.map((l) => l.targetUri), [fileUri(path.join(issue, '02.news'))]);
    answers.push(inside);
  });

  test('path-like jump lines are no jumps: no link, no definition', async () => {
    const links = await d.request<DocumentLink[]>('textDocument/documentLink', { textDocument: { uri: page01 } });
    answers.push(links);
    assert.deepEqual(
      links.map((l) => l.range.start.line),
      [at('（下转2版）').line],
      'one link, to page 2 of the issue',
    );
    for (const jump of ['../sibling/4版', '..\\5版', '%2e%2e%2f4版', './4版']) {
      const definition = await d.request('textDocument/definition', { textDocument: { uri: page01 }, position: at(jump, 2) });
      assert.deepEqual(definition ?? [], [], jump);
    }
  });

  test('completion offers only the pages of the issue', async () => {
    const r = await d.request<CompletionList | CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: page01 },
      position: at('（下转4版）', '（下转'.length),
      context: { triggerKind: 2, triggerCharacter: '转' },
    });
    answers.push(r);
    const labels = (Array.isArray(r) ? r : (r?.items ?? [])).map((i) => i.label);
    assert.ok(labels.length > 0, 'some pages are offered');
    for (const outside of ['4', '5', '6']) assert.ok(!labels.includes(outside), `page ${outside} is offered: ${labels.join(', ')}`);
  });

  test('no answer about the issue names or quotes a page outside it', () => {
    assert.ok(answers.length > 0);
    const text = JSON.stringify(answers);
    assert.ok(!text.includes(OUTSIDE), 'an outside page is quoted');
    const outside = fileUris(answers).filter((u) => !inIssue(u));
    assert.deepEqual(outside, []);
  });
});

test('the extension declares untrusted workspaces supported: it runs no code from the workspace', () => {
  const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    capabilities?: { untrustedWorkspaces?: { supported?: unknown } };
  };
  assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
});
