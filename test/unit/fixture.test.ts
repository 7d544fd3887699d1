// The multi-document fixture helper of test/support/fixture.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture, fixtureUri, FIXTURE_FOLDER } from '../support/fixture';

test('each %! line starts a file in the fixture folder', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

头版正文。（下转4版）

%! 04.news
第04版：民生
（上接1版）续文。
`);
  assert.deepEqual(f.docs.map((d) => d.name), ['01.news', '04.news']);
  assert.equal(f.docs[0].uri, 'file:///issue/01.news');
  assert.equal(f.uri('04.news'), 'file:///issue/04.news');
  assert.equal(FIXTURE_FOLDER, '/issue/');
  // Trailing blank lines go; the text ends with one newline.
  assert.equal(f.docs[0].text, '第01版：要闻\n\n头版正文。（下转4版）\n');
  assert.equal(f.docs[1].text, '第04版：民生\n（上接1版）续文。\n');
  assert.equal(f.cursor, null);
});

test('parse() gives parsed documents and the issue they make, once', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

头版正文。（下转4版）
%! 04.news
第04版：民生

（上接1版）续文。
`);
  const parsed = f.parse();
  assert.equal(f.parse(), parsed);
  assert.deepEqual(parsed.docs.map((d) => d.page.id), [1, 4]);
  assert.deepEqual(parsed.issue.pages.map((p) => p.uri), [f.uri('01.news'), f.uri('04.news')]);
  assert.equal(f.doc('04.news'), parsed.docs[1]);
  assert.deepEqual(parsed.issue.jumps(f.uri('01.news')).map((j) => j.status), ['ok']);
  // A headless snippet is headline-missing; its jump is fine.
  assert.deepEqual(f.diagnosticsOf('01.news').map((d) => d.code), ['headline-missing']);
  assert.throws(() => f.doc('02.news'), /no file 02\.news/);
});

test('diagnosticsOf passes options through', () => {
  const f = fixture(`
%! 01.news
第01版：要闻

头版正文。（下转 版）
`);
  const jumps = (options?: Parameters<typeof f.diagnosticsOf>[1]) =>
    f.diagnosticsOf('01.news', options).filter((d) => d.code.startsWith('jump-')).map((d) => [d.code, d.severity]);
  assert.deepEqual(jumps(), [['jump-missing-page', 'error']]);
  assert.deepEqual(jumps({ severity: { 'jump-missing-page': 'hint' } }), [['jump-missing-page', 'hint']]);
  assert.deepEqual(jumps({ severity: { 'jump-missing-page': 'ignore' } }), []);
});

test('$0 is removed and its position returned, in UTF-16 characters', () => {
  const f = fixture(`
%! 01.news
第01版：要闻
%! 第4版.txt
第一行
（上接1版）续$0文。
`);
  assert.equal(f.docs[1].text, '第一行\n（上接1版）续文。\n');
  assert.deepEqual(f.cursor, { name: '第4版.txt', uri: fixtureUri('第4版.txt'), position: { line: 1, character: 7 } });
  // The name is percent-encoded in the uri, as an editor sends it, and still names page 4.
  assert.equal(f.cursor?.uri, 'file:///issue/%E7%AC%AC4%E7%89%88.txt');
  assert.equal(f.doc('第4版.txt').page.id, 4);

  const astral = fixture('%! a.news\n𠀋字$0\n');
  assert.deepEqual(astral.cursor?.position, { line: 0, character: 3 });
  assert.throws(() => fixture('%! a.news\n$0 $0\n'), /more than one/);
  assert.throws(() => fixture('%! a.news\n$0\n%! b.news\n$0\n'), /more than one/);
});

test("a %! line's indentation is removed from its file; deeper indentation stays", () => {
  const f = fixture(`
    %! 01.news
    标题

        缩进两格的正文
    `);
  assert.equal(f.docs[0].text, '标题\n\n    缩进两格的正文\n');
});

test('malformed fixtures throw', () => {
  assert.throws(() => fixture('正文'), /before the first/);
  assert.throws(() => fixture('\n\n'), /no '%! name' line/);
  assert.throws(() => fixture('%! a.news\n一\n%! a.news\n二\n'), /given twice/);
});
