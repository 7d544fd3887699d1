import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { URI } from 'vscode-uri';
import { PageStore } from '../../server/src/workspace/pageStore';
import { WorkerPool } from '../../server/src/workspace/workerPool';
import { indexPageFile } from '../../server/src/workspace/indexModel';
import { parsePage } from '../../server/src/core/parsePage';

const SAMPLE = join(__dirname, '../../samples/000_2600d985db85e4f0.news.txt');

describe('pages indexed from disk', () => {
  let dir = '';
  let file = '';
  let uri = '';
  let text = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'galley-store-'));
    file = join(dir, '01.news');
    text = await readFile(SAMPLE, 'utf8');
    await writeFile(file, text);
    uri = URI.file(file).toString();
  });
  after(() => rm(dir, { recursive: true, force: true }));

  test('the index model keeps headlines, jumps and an untitled item’s first paragraph, not figures, people, sections or other paragraphs', () => {
    const indexed = indexPageFile(file, uri);
    assert.ok('page' in indexed);
    const full = parsePage(text, uri);
    assert.deepEqual(
      indexed.page.items.map((i) => i.headline),
      full.items.map((i) => i.headline),
    );
    assert.deepEqual(indexed.page.jumps, full.jumps);
    assert.equal(indexed.page.figures.length, 0);
    assert.ok(full.figures.length > 0);
    assert.ok(indexed.page.items.every((i) => (i.headline === null ? i.paragraphs.length <= 1 : i.paragraphs.length === 0)));
    assert.ok(full.items.some((i) => i.paragraphs.length > 1));
    assert.ok(indexed.page.items.every((i) => i.people.length === 0 && i.sections.length === 0));
    assert.ok(full.items.some((i) => i.people.length > 0) && full.items.some((i) => i.sections.length > 0));
    assert.deepEqual(indexed.page.photos.map((p) => p.range), full.photos.map((p) => p.range));
  });

  test('an unreadable file is an error, not a page', () => {
    const indexed = indexPageFile(join(dir, 'missing.news'), 'file:///missing.news');
    assert.ok('error' in indexed);
    assert.match(indexed.error, /no such file|not found/i);
  });

  test('a pool without its worker script indexes in this thread', async () => {
    const pool = new WorkerPool(join(dir, 'no-worker.js'));
    const indexed = await pool.index(file, uri);
    assert.equal(pool.workers, 0);
    assert.ok('page' in indexed);
    assert.ok(indexed.page.items.length > 0);
  });

  test('an indexed page is read and parsed in full again when a feature needs it, and keeps its index model', () => {
    const store = new PageStore();
    const indexed = indexPageFile(file, uri);
    assert.ok('page' in indexed);
    let reads = 0;
    store.setIndexed(uri, indexed.page, () => (reads++, text));
    assert.equal(store.page(uri), indexed.page);
    assert.equal(reads, 0, 'the model alone needs no text');
    assert.equal(store.get(uri)?.lines.length, text.split('\n').length);
    assert.equal(reads, 1);
    assert.ok((store.get(uri)?.page.figures.length ?? 0) > 0, 'a feature sees the whole page');
    assert.ok(store.get(uri)!.page.items.some((i) => i.paragraphs.length > 1));
    assert.equal(store.page(uri), indexed.page, 'the store keeps the index model');
    store.set(uri, text, 1);
    assert.ok((store.get(uri)?.page.figures.length ?? 0) > 0, 'the open page has its figures');
  });

  test('a page opened while its file was being indexed stays the editor’s', () => {
    const store = new PageStore();
    store.set(uri, '本报讯 编辑中的文字。', 3);
    const indexed = indexPageFile(file, uri);
    assert.ok('page' in indexed);
    store.setIndexed(uri, indexed.page, () => text);
    assert.equal(store.text(uri), '本报讯 编辑中的文字。');
  });

  test('a closed page gives way to the page read from disk, unless it is opened again first', () => {
    const store = new PageStore();
    const indexed = indexPageFile(file, uri);
    assert.ok('page' in indexed);
    store.set(uri, '本报讯 未保存的文字。', 3);
    store.close(uri);
    assert.equal(store.isOpen(uri), false);
    // Until the file is read, the closed page keeps what it had.
    assert.equal(store.text(uri), '本报讯 未保存的文字。');
    store.setIndexed(uri, indexed.page, () => text);
    assert.equal(store.text(uri), text);
    assert.equal(store.page(uri), indexed.page, 'the summary is kept, not a full parse');
    // Closed, then opened again while the file was being read: the editor's text stays.
    store.set(uri, '本报讯 又打开了。', 4);
    store.close(uri);
    store.set(uri, '本报讯 又打开了。', 5);
    store.setIndexed(uri, indexed.page, () => text);
    assert.equal(store.text(uri), '本报讯 又打开了。');
    assert.equal(store.isOpen(uri), true);
  });

  test('an indexed page whose file is gone has no lines to give', async () => {
    const gone = join(dir, '02.news');
    await writeFile(gone, text);
    const goneUri = URI.file(gone).toString();
    const indexed = indexPageFile(gone, goneUri);
    assert.ok('page' in indexed);
    const store = new PageStore();
    store.setIndexed(goneUri, indexed.page, () => undefined);
    await unlink(gone);
    assert.equal(store.get(goneUri), undefined);
    assert.equal(store.page(goneUri), indexed.page, 'its model still answers for the issue');
  });

  test('an edited open page reuses the unchanged lines and parses as a fresh page would', () => {
    const store = new PageStore();
    store.set(uri, text, 1);
    const before = store.get(uri)!;
    const lines = text.split('\n');
    const at = Math.floor(lines.length / 2);
    lines[at] = `的${lines[at]}`;
    const edited = lines.join('\n');
    store.set(uri, edited, 2);
    const after = store.get(uri)!;
    assert.notEqual(after.lines[at], before.lines[at]);
    assert.equal(after.lines[at].raw, lines[at]);
    assert.equal(after.lines[0], before.lines[0], 'an unchanged line is taken over');
    assert.deepEqual(JSON.stringify(after.page), JSON.stringify(parsePage(edited, uri)));
  });

  test('deleting every page of a folder empties its issue', () => {
    const store = new PageStore();
    store.set('file:///a/01.news', '第01版：要闻\n');
    store.set('file:///a/02.news', '第02版：要闻\n');
    assert.deepEqual(store.issuePages('file:///a/01.news').length, 2);
    store.delete('file:///a/01.news');
    store.delete('file:///a/02.news');
    assert.deepEqual(store.issuePages('file:///a/01.news'), []);
    assert.equal(store.issue('file:///a/01.news').pages.length, 0);
  });
});
